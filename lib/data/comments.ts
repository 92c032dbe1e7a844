import "server-only";
import type { DbOrTx } from "./db/client";

export const commentSelect = {
  id: true,
  postId: true,
  body: true,
  createdAt: true,
  editedAt: true,
  author: { select: { id: true, name: true, handle: true } },
} as const;

export function insertComment(tx: DbOrTx, data: { postId: string; authorId: string; body: string }) {
  return tx.comment.create({ data, select: commentSelect });
}

/** Oldest first, so a thread reads top to bottom. */
export function listPostComments(db: DbOrTx, postId: string, limit: number, after?: { createdAt: Date; id: string }) {
  return db.comment.findMany({
    where: {
      postId,
      deletedAt: null,
      ...(after
        ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: commentSelect,
  });
}

/** The comment with its post's facts (workspace, channel, deleted), for the domain's decisions: one statement. */
export function findCommentWithPost(db: DbOrTx, commentId: string) {
  return db.comment.findUnique({
    where: { id: commentId },
    select: {
      ...commentSelect,
      deletedAt: true,
      post: { select: { id: true, workspaceId: true, channelId: true, deletedAt: true } },
    },
  });
}

export function updateComment(
  tx: DbOrTx,
  id: string,
  data: { body?: string; editedAt?: Date; deletedAt?: Date; deletedById?: string },
) {
  return tx.comment.update({ where: { id }, data, select: commentSelect });
}
