import "server-only";
import type { DbOrTx } from "./db/client";

export const postSelect = {
  id: true,
  workspaceId: true,
  channelId: true,
  authorId: true,
  title: true,
  body: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true, handle: true } },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} as const;

export function insertPost(
  tx: DbOrTx,
  data: { workspaceId: string; channelId: string; authorId: string; title: string; body: string },
) {
  return tx.post.create({ data, select: postSelect });
}

export function findPost(db: DbOrTx, id: string) {
  return db.post.findUnique({ where: { id }, select: postSelect });
}

/** Newest first; `after` is the (createdAt, id) of the last row of the previous page. */
export function listChannelPosts(
  db: DbOrTx,
  channelId: string,
  limit: number,
  after?: { createdAt: Date; id: string },
) {
  return db.post.findMany({
    where: {
      channelId,
      deletedAt: null,
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: postSelect,
  });
}

export function updatePost(
  tx: DbOrTx,
  id: string,
  data: { title?: string; body?: string; editedAt?: Date; deletedAt?: Date | null; deletedById?: string | null },
) {
  return tx.post.update({ where: { id }, data, select: postSelect });
}

/** Hard-deletes posts soft-deleted before `before` (past the restore window); comments and mentions cascade. */
export function purgeDeletedPosts(db: DbOrTx, before: Date) {
  return db.post.deleteMany({ where: { deletedAt: { lt: before } } });
}
