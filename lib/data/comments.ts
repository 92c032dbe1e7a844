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
