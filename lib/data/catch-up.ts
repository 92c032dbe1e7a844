// Unread posts in followed channels: the query behind both the in-app "Catch up" list and the daily digest.
import "server-only";
import type { DbOrTx } from "./db/client";
import type { NotifyLevel } from "./generated/prisma/enums";

/** The non-archived channels `userId` follows (in one workspace, when given). */
export function findFollowedChannels(db: DbOrTx, userId: string, workspaceId?: string) {
  return db.channelMember.findMany({
    where: { userId, channel: { archivedAt: null, ...(workspaceId ? { workspaceId } : {}) } },
    select: {
      lastReadAt: true,
      notifyLevel: true,
      channel: { select: { id: true, name: true, workspaceId: true, workspace: { select: { name: true } } } },
    },
  });
}

/**
 * Posts after each channel's cutoff (null: all), not by `userId`, newest first; in a `mentionsOnly` channel, only the
 * posts that mention `userId` in their text or in a comment not deleted. One statement.
 */
export function findPostsAfterCutoffs(
  db: DbOrTx,
  userId: string,
  cutoffs: { channelId: string; after: Date | null; mentionsOnly?: boolean }[],
  limit: number,
) {
  if (cutoffs.length === 0) return Promise.resolve([]);
  const mentionsMe = { some: { userId, OR: [{ commentId: null }, { comment: { deletedAt: null } }] } };
  return db.post.findMany({
    where: {
      deletedAt: null,
      authorId: { not: userId },
      OR: cutoffs.map((c) => ({
        channelId: c.channelId,
        ...(c.after ? { createdAt: { gt: c.after } } : {}),
        ...(c.mentionsOnly ? { mentions: mentionsMe } : {}),
      })),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      channelId: true,
      workspaceId: true,
      createdAt: true,
      author: { select: { id: true, name: true, handle: true } },
    },
  });
}

/**
 * How many unread posts each of these channels holds for `userId`, by the rule findPostsAfterCutoffs applies for
 * Catch up: posts by others, not deleted, newer than the member's lastReadAt, in followed non-archived channels.
 * Channels missing from the answer have none. One statement.
 */
export async function countUnreadPosts(db: DbOrTx, userId: string, channelIds: string[]) {
  if (channelIds.length === 0) return new Map<string, number>();
  const rows = await db.$queryRaw<{ channelId: string; unread: number }[]>`
    SELECT m."channelId", count(p."id")::int AS "unread"
    FROM "ChannelMember" m
    JOIN "Channel" c ON c."id" = m."channelId" AND c."archivedAt" IS NULL
    JOIN "Post" p ON p."channelId" = m."channelId" AND p."deletedAt" IS NULL AND p."authorId" <> ${userId}
      AND (m."lastReadAt" IS NULL OR p."createdAt" > m."lastReadAt")
    WHERE m."userId" = ${userId} AND m."channelId" = ANY(${channelIds}::text[])
    GROUP BY m."channelId"`;
  return new Map(rows.map((r) => [r.channelId, Number(r.unread)]));
}

export function markChannelRead(db: DbOrTx, channelId: string, userId: string, at: Date) {
  return db.channelMember.updateMany({ where: { channelId, userId }, data: { lastReadAt: at } });
}

export async function distinctTimeZones(db: DbOrTx): Promise<string[]> {
  const rows = await db.user.groupBy({ by: ["timeZone"] });
  return rows.map((r) => r.timeZone);
}

/** Users in these zones who follow a channel at a level other than NOTHING and got no digest since `notSince`. */
export function findDigestCandidates(db: DbOrTx, timeZones: string[], notSince: Date) {
  return db.user.findMany({
    where: {
      timeZone: { in: timeZones },
      channelMembers: { some: { notifyLevel: { not: "NOTHING" } } },
      OR: [{ lastDigestAt: null }, { lastDigestAt: { lt: notSince } }],
    },
    orderBy: { id: "asc" },
    select: { id: true },
  });
}

export function setLastDigestAt(db: DbOrTx, userId: string, at: Date) {
  return db.user.update({ where: { id: userId }, data: { lastDigestAt: at }, select: { id: true } });
}

export function findDigestUser(db: DbOrTx, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: { id: true, name: true, email: true, timeZone: true, lastDigestAt: true },
  });
}

/** The member's row as changed (none when `userId` is not in the channel). */
export async function updateNotifyLevel(db: DbOrTx, channelId: string, userId: string, notifyLevel: NotifyLevel) {
  const rows = await db.channelMember.updateManyAndReturn({
    where: { channelId, userId },
    data: { notifyLevel },
    select: { notifyLevel: true, lastReadAt: true },
  });
  return rows[0] ?? null;
}
