import "server-only";
import { newId } from "./ids";
import type { DbOrTx } from "./db/client";
import { olderThan } from "./page";
import type { ChannelKind, NotifyLevel, Role } from "./generated/prisma/enums";

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
 * What the notification list shows of each post: its title and channel name, whether it is deleted, and the facts that decide
 * whether `userId` may see it (its channel's kind and archive state, and membership), in one statement.
 */
export function findNotifiedPosts(db: DbOrTx, userId: string, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.$queryRaw<
    {
      id: string;
      title: string;
      channelId: string;
      channelName: string;
      workspaceId: string;
      deletedAt: Date | null;
      kind: ChannelKind;
      archivedAt: Date | null;
      isMember: boolean;
    }[]
  >`SELECT p."id", p."title", p."channelId", c."name" AS "channelName", c."workspaceId", p."deletedAt", c."kind"::text AS "kind", c."archivedAt",
      EXISTS (SELECT 1 FROM "ChannelMember" m WHERE m."channelId" = c."id" AND m."userId" = ${userId}) AS "isMember"
    FROM "Post" p JOIN "Channel" c ON c."id" = p."channelId" WHERE p."id" = ANY(${ids}::text[])`;
}

/**
 * Who a new post notifies at level ALL: the members of its channel at that level, not its author nor anyone the post
 * itself mentions, each with their role in the workspace (null: no longer a member) beside the channel's facts. None
 * when the post is deleted or gone. One statement.
 */
/** Whether any member of the channel has chosen level ALL ("Everything"). */
export async function channelHasAllLevelMember(db: DbOrTx, channelId: string): Promise<boolean> {
  const row = await db.channelMember.findFirst({ where: { channelId, notifyLevel: "ALL" }, select: { userId: true } });
  return row !== null;
}

export function findAllLevelFollowers(db: DbOrTx, postId: string) {
  return db.$queryRaw<
    {
      userId: string;
      role: Role | null;
      workspaceId: string;
      authorId: string;
      kind: ChannelKind;
      archivedAt: Date | null;
    }[]
  >`SELECT m."userId", wm."role"::text AS "role", p."workspaceId", p."authorId", c."kind"::text AS "kind", c."archivedAt"
    FROM "Post" p
    JOIN "Channel" c ON c."id" = p."channelId"
    JOIN "ChannelMember" m ON m."channelId" = p."channelId" AND m."notifyLevel" = 'ALL' AND m."userId" <> p."authorId"
    LEFT JOIN "Membership" wm ON wm."workspaceId" = p."workspaceId" AND wm."userId" = m."userId"
    WHERE p."id" = ${postId} AND p."deletedAt" IS NULL
      AND NOT EXISTS (SELECT 1 FROM "Mention" x
        WHERE x."userId" = m."userId" AND x."postId" = p."id" AND x."commentId" IS NULL)
    ORDER BY m."userId"`;
}

/**
 * A "post" notification for each of `userIds` about `postId`, skipping whoever already has one: running it again
 * (a retried step) adds nothing. One statement.
 */
export function insertPostNotifications(
  db: DbOrTx,
  n: { workspaceId: string; postId: string; actorId: string; userIds: string[] },
  at: Date,
) {
  if (n.userIds.length === 0) return Promise.resolve(0);
  const ids = n.userIds.map(() => newId());
  return db.$executeRaw`INSERT INTO "Notification" ("id", "userId", "workspaceId", "kind", "actorId", "postId", "createdAt")
    SELECT r."id", r."userId", ${n.workspaceId}, 'post', ${n.actorId}, ${n.postId}, ${at}
    FROM unnest(${ids}::text[], ${n.userIds}::text[]) AS r("id", "userId")
    WHERE NOT EXISTS (SELECT 1 FROM "Notification" x
      WHERE x."userId" = r."userId" AND x."postId" = ${n.postId} AND x."kind" = 'post')`;
}

/**
 * What the email about a new post needs, for one recipient, with their level in the channel now (null: not
 * following it any more). Null when the post or the person is gone. One statement.
 */
export async function findPostForEmail(db: DbOrTx, postId: string, userId: string) {
  const rows = await db.$queryRaw<
    {
      id: string;
      title: string;
      body: string;
      workspaceId: string;
      channelId: string;
      deletedAt: Date | null;
      channelName: string;
      authorName: string;
      recipientName: string;
      email: string;
      notifyLevel: NotifyLevel | null;
    }[]
  >`SELECT p."id", p."title", p."body", p."workspaceId", p."channelId", p."deletedAt", c."name" AS "channelName",
      a."name" AS "authorName", u."name" AS "recipientName", u."email", m."notifyLevel"::text AS "notifyLevel"
    FROM "Post" p
    JOIN "Channel" c ON c."id" = p."channelId"
    JOIN "User" a ON a."id" = p."authorId"
    JOIN "User" u ON u."id" = ${userId}
    LEFT JOIN "ChannelMember" m ON m."channelId" = p."channelId" AND m."userId" = u."id"
    WHERE p."id" = ${postId}`;
  return rows[0] ?? null;
}
