// PATCH, DELETE /api/v1/workspaces/{workspaceId}/comments/{commentId}
import { deleteComment, editComment } from "@/lib/domain/comments/change-comment";
import { route } from "@/lib/http/route";
import { deleteCommentContract, updateCommentContract } from "@/lib/validation/api/posts";

export const PATCH = route(updateCommentContract, ({ actor, params, body }) =>
  editComment(actor, params.workspaceId, params.commentId, body),
);
export const DELETE = route(deleteCommentContract, async ({ actor, params }) => {
  await deleteComment(actor, params.workspaceId, params.commentId);
  return null;
});
