// Editing and deleting comments, with the posts' rules: the author edits (the comment is marked edited and the
import { activityScope, forgetComputed } from "@/lib/data/cache/computed";
// replaced version kept in its history); the author or an admin deletes (soft: hidden at once, gone with its post).
import { findCommentWithPost, updateComment } from "@/lib/data/comments";
import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { transaction } from "@/lib/data/db/transaction";
import { insertRevision } from "@/lib/data/revisions";
import { AppError, forbidden, notFound } from "@/lib/errors";
import type { CreateCommentInput } from "@/lib/validation/comments";
import type { Actor } from "../actor";
import { getChannelOrThrow } from "../channels/get-channel";
import { canDeleteComment, canEditComment } from "../policy";

/** The live comment of a live post in this workspace, in a channel the actor can see; else 404. */
export async function getCommentOrThrow(actor: Actor, workspaceId: string, commentId: string, db: DbOrTx) {
  const comment = await findCommentWithPost(db, commentId);
  if (!comment || comment.deletedAt || comment.post.deletedAt || comment.post.workspaceId !== workspaceId)
    throw notFound("Comment");
  const channel = await getChannelOrThrow(actor, workspaceId, comment.post.channelId, db).catch(() => {
    throw notFound("Comment");
  });
  return { comment, channel };
}

const present = ({ deletedAt: _d, post: _p, ...c }: Awaited<ReturnType<typeof findCommentWithPost>> & object) => c;

export async function editComment(actor: Actor, workspaceId: string, commentId: string, input: CreateCommentInput) {
  const db = await getDb();
  return transaction(db, async (tx) => {
    const { comment, channel } = await getCommentOrThrow(actor, workspaceId, commentId, tx);
    if (!canEditComment(actor, { workspaceId, authorId: comment.author.id }))
      throw forbidden("Only its author can edit a comment");
    if (channel.archivedAt) throw new AppError("CONFLICT", "This channel is archived");
    if (input.body === comment.body) return present(comment);
    await insertRevision(tx, {
      postId: comment.post.id,
      commentId,
      title: null,
      body: comment.body,
      editorId: actor.userId,
    });
    return updateComment(tx, commentId, { body: input.body, editedAt: new Date() });
  });
}

export async function deleteComment(actor: Actor, workspaceId: string, commentId: string) {
  const db = await getDb();
  await transaction(db, async (tx) => {
    const { comment } = await getCommentOrThrow(actor, workspaceId, commentId, tx);
    if (!canDeleteComment(actor, { workspaceId, authorId: comment.author.id }))
      throw forbidden("Only its author or an admin can delete a comment");
    await updateComment(tx, commentId, { deletedAt: new Date(), deletedById: actor.userId });
  });
  await forgetComputed([activityScope(workspaceId)]); // committed: its mentions are no longer counted
}
