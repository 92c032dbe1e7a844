// GET, POST /api/v1/workspaces/{workspaceId}/posts/{postId}/comments
import { createComment } from "@/lib/domain/comments/create-comment";
import { listComments } from "@/lib/domain/comments/list-comments";
import { route } from "@/lib/http/route";
import { createCommentContract, listCommentsContract } from "@/lib/validation/api/posts";

export const GET = route(listCommentsContract, ({ actor, params, query }) =>
  listComments(actor, params.workspaceId, params.postId, query),
);
export const POST = route(createCommentContract, ({ actor, params, body }) =>
  createComment(actor, params.workspaceId, params.postId, body),
);
