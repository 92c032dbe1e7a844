"use server";
// Posts and comments: write, edit, delete, reply.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createComment } from "@/lib/domain/comments/create-comment";
import { createPost } from "@/lib/domain/posts/create-post";
import { deletePost } from "@/lib/domain/posts/delete-post";
import { getPostOrThrow } from "@/lib/domain/posts/get-post";
import { updatePost } from "@/lib/domain/posts/update-post";
import { action } from "@/lib/http/action";
import { createCommentForm } from "@/lib/validation/comments";
import { createPostForm, editPostForm, postRefForm } from "@/lib/validation/posts";

export const createPostAction = action(
  createPostForm,
  async ({ actor, data: { workspaceId, channelId, ...input } }) => {
    const post = await createPost(actor, workspaceId, channelId, input);
    revalidatePath(`/w/${workspaceId}/c/${channelId}`);
    return { id: post.id, title: post.title };
  },
);

export const editPostAction = action(editPostForm, async ({ actor, data: { workspaceId, postId, ...input } }) => {
  await updatePost(actor, workspaceId, postId, input);
  revalidatePath(`/w/${workspaceId}`, "layout");
  redirect(`/w/${workspaceId}/p/${postId}`);
});

export const deletePostAction = action(postRefForm, async ({ actor, data: { workspaceId, postId } }) => {
  const post = await getPostOrThrow(actor, workspaceId, postId);
  await deletePost(actor, workspaceId, postId);
  revalidatePath(`/w/${workspaceId}`, "layout");
  redirect(`/w/${workspaceId}/c/${post.channelId}`);
});

export const createCommentAction = action(
  createCommentForm,
  async ({ actor, data: { workspaceId, postId, ...input } }) => {
    const comment = await createComment(actor, workspaceId, postId, input);
    revalidatePath(`/w/${workspaceId}/p/${postId}`);
    return { id: comment.id };
  },
);
