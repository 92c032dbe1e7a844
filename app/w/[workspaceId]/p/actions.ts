"use server";
// Posts and comments: write, edit, delete, reply, react, pin.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createComment } from "@/lib/domain/comments/create-comment";
import { createPost } from "@/lib/domain/posts/create-post";
import { deletePost } from "@/lib/domain/posts/delete-post";
import { getPostOrThrow } from "@/lib/domain/posts/get-post";
import { updatePost } from "@/lib/domain/posts/update-post";
import { setPinned } from "@/lib/domain/posts/pin-post";
import { setReaction } from "@/lib/domain/reactions/reactions";
import { action } from "@/lib/http/action";
import { commentRefForm, createCommentForm, editCommentForm } from "@/lib/validation/comments";
import { deleteComment, editComment } from "@/lib/domain/comments/change-comment";
import { restorePost } from "@/lib/domain/posts/restore-post";
import { createPostForm, editPostForm, postRefForm } from "@/lib/validation/posts";
import { pinForm, reactionForm } from "@/lib/validation/reactions";

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

export const reactAction = action(
  reactionForm,
  async ({ actor, data: { workspaceId, postId, commentId, emoji, reacted } }) => {
    await setReaction(actor, workspaceId, postId, { emoji, reacted, ...(commentId ? { commentId } : {}) });
    revalidatePath(`/w/${workspaceId}/p/${postId}`);
    return null;
  },
);

export const pinAction = action(pinForm, async ({ actor, data: { workspaceId, postId, pinned } }) => {
  const post = await setPinned(actor, workspaceId, postId, pinned);
  revalidatePath(`/w/${workspaceId}/p/${postId}`);
  revalidatePath(`/w/${workspaceId}/c/${post.channelId}`);
  return { pinned: post.pinnedAt !== null };
});

export const editCommentAction = action(
  editCommentForm,
  async ({ actor, data: { workspaceId, postId, commentId, body } }) => {
    await editComment(actor, workspaceId, commentId, { body });
    revalidatePath(`/w/${workspaceId}/p/${postId}`);
    redirect(`/w/${workspaceId}/p/${postId}#comment-${commentId}`);
  },
);

export const deleteCommentAction = action(
  commentRefForm,
  async ({ actor, data: { workspaceId, postId, commentId } }) => {
    await deleteComment(actor, workspaceId, commentId);
    revalidatePath(`/w/${workspaceId}/p/${postId}`);
    return null;
  },
);

export const restorePostAction = action(postRefForm, async ({ actor, data: { workspaceId, postId } }) => {
  await restorePost(actor, workspaceId, postId);
  revalidatePath(`/w/${workspaceId}`, "layout");
  return null;
});
