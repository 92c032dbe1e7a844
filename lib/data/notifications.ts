import "server-only";
import type { DbOrTx } from "./db/client";

export function listNotifications(db: DbOrTx, userId: string, limit: number, after?: { createdAt: Date; id: string }) {
  return db.notification.findMany({
    where: {
      userId,
      ...(after
        ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      workspaceId: true,
      kind: true,
      actorId: true,
      postId: true,
      commentId: true,
      readAt: true,
      createdAt: true,
    },
  });
}

export function countUnreadNotifications(db: DbOrTx, userId: string) {
  return db.notification.count({ where: { userId, readAt: null } });
}

export function markNotificationsRead(db: DbOrTx, userId: string, ids: string[] | "all", at: Date) {
  return db.notification.updateMany({
    where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: at },
  });
}
