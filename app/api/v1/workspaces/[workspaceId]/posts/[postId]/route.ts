// GET, PATCH, DELETE /api/v1/workspaces/{workspaceId}/posts/{postId}
import { deletePost } from "@/lib/domain/posts/delete-post";
import { getPostOrThrow } from "@/lib/domain/posts/get-post";
import { updatePost } from "@/lib/domain/posts/update-post";
import { route } from "@/lib/http/route";
import { deletePostContract, getPostContract, updatePostContract } from "@/lib/validation/api/posts";

export const GET = route(getPostContract, ({ actor, params }) =>
  getPostOrThrow(actor, params.workspaceId, params.postId),
);
export const PATCH = route(updatePostContract, ({ actor, params, body }) =>
  updatePost(actor, params.workspaceId, params.postId, body),
);
export const DELETE = route(deletePostContract, async ({ actor, params }) => {
  await deletePost(actor, params.workspaceId, params.postId);
  return null;
});
