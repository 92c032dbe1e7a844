// POST /api/v1/workspaces/{workspaceId}/posts/{postId}/restore
import { restorePost } from "@/lib/domain/posts/restore-post";
import { route } from "@/lib/http/route";
import { restorePostContract } from "@/lib/validation/api/posts";

export const POST = route(restorePostContract, ({ actor, params }) =>
  restorePost(actor, params.workspaceId, params.postId),
);
