import "server-only";
import type { DbOrTx } from "./db/client";
import { olderThan } from "./page";
import type { ChannelKind } from "./generated/prisma/enums";

/** A person's notifications in these workspaces, newest first: at most `limit`, older than `after` when given. */
export function listNotifications(
  db: DbOrTx,
  userId: string,
  workspaceIds: string[],
  limit: number,
  after?: { createdAt: Date; id: string },
) {
  return db.notification.findMany({
    where: {
      userId,
      workspaceId: { in: workspaceIds },
      ...olderThan(after),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: notificationSelect,
  });
}

const notificationSelect = {
  id: true,
  workspaceId: true,
  kind: true,
  actorId: true,
  postId: true,
  commentId: true,
  readAt: true,
  createdAt: true,
} as const;

export function findNotification(db: DbOrTx, userId: string, workspaceIds: string[], id: string) {
  return db.notification.findFirst({
    where: { id, userId, workspaceId: { in: workspaceIds } },
    select: notificationSelect,
  });
}

export function countUnreadNotifications(db: DbOrTx, userId: string, workspaceIds: string[]) {
  return db.notification.count({ where: { userId, readAt: null, workspaceId: { in: workspaceIds } } });
}

export function markNotificationsRead(
  db: DbOrTx,
  userId: string,
  workspaceIds: string[],
  ids: string[] | "all",
  at: Date,
) {
  return db.notification.updateMany({
    where: { userId, readAt: null, workspaceId: { in: workspaceIds }, ...(ids === "all" ? {} : { id: { in: ids } }) },
    data: { readAt: at },
  });
}

/**
 * What the notification list shows of each post: its title, whether it is deleted, and the facts that decide
 * whether `userId` may see it (its channel's kind and archive state, and membership), in one statement.
 */
export function findNotifiedPosts(db: DbOrTx, userId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.$queryRaw<
    {
      id: string;
      title: string;
      channelId: string;
      workspaceId: string;
      deletedAt: Date | null;
      kind: ChannelKind;
      archivedAt: Date | null;
      isMember: boolean;
    }[]
  >`SELECT p."id", p."title", p."channelId", c."workspaceId", p."deletedAt", c."kind"::text AS "kind", c."archivedAt",
      EXISTS (SELECT 1 FROM "ChannelMember" m WHERE m."channelId" = c."id" AND m."userId" = ${userId}) AS "isMember"
    FROM "Post" p JOIN "Channel" c ON c."id" = p."channelId" WHERE p."id" = ANY(${ids}::text[])`;
}
