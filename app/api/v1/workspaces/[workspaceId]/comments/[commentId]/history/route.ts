// GET /api/v1/workspaces/{workspaceId}/comments/{commentId}/history
import { commentHistory } from "@/lib/domain/posts/history";
import { route } from "@/lib/http/route";
import { commentHistoryContract } from "@/lib/validation/api/posts";

export const GET = route(commentHistoryContract, ({ actor, params }) =>
  commentHistory(actor, params.workspaceId, params.commentId),
);
