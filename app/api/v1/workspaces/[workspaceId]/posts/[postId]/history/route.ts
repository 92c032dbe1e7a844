// GET /api/v1/workspaces/{workspaceId}/posts/{postId}/history
import { postHistory } from "@/lib/domain/posts/history";
import { route } from "@/lib/http/route";
import { postHistoryContract } from "@/lib/validation/api/posts";

export const GET = route(postHistoryContract, ({ actor, params }) =>
  postHistory(actor, params.workspaceId, params.postId),
);
