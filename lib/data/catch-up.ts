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
 * Posts after each channel's cutoff (null: all), not by `userId`, not deleted, newest first, at most `limit`; in a
 * `mentionsOnly` channel, only the posts that mention `userId` in their text or in a comment not deleted. One
 * statement, with each post's author.
 */
export async function findPostsAfterCutoffs(
  db: DbOrTx,
  userId: string,
  cutoffs: { channelId: string; after: Date | null; mentionsOnly?: boolean }[],
  limit: number,
) {
  if (cutoffs.length === 0) return [];
  const channelIds = cutoffs.map((c) => c.channelId);
  // Timestamps go as ISO strings: the columns hold UTC wall time, and the cast keeps that (it ignores the "Z").
  const afters = cutoffs.map((c) => c.after?.toISOString() ?? null);
  const mentionsOnly = cutoffs.map((c) => c.mentionsOnly === true);
  const rows = await db.$queryRaw<
    {
      id: string;
      title: string;
      channelId: string;
      workspaceId: string;
      createdAt: Date;
      authorId: string;
      authorName: string;
      authorHandle: string;
    }[]
  >`SELECT p."id", p."title", p."channelId", p."workspaceId", p."createdAt", u."id" AS "authorId",
      u."name" AS "authorName", u."handle" AS "authorHandle"
    FROM unnest(${channelIds}::text[], ${afters}::timestamp(3)[], ${mentionsOnly}::boolean[])
      AS c("channelId", "after", "mentionsOnly")
    JOIN "Post" p ON p."channelId" = c."channelId" AND (c."after" IS NULL OR p."createdAt" > c."after")
    JOIN "User" u ON u."id" = p."authorId"
    WHERE p."deletedAt" IS NULL AND p."authorId" <> ${userId}
      AND (NOT c."mentionsOnly" OR EXISTS (SELECT 1 FROM "Mention" x LEFT JOIN "Comment" k ON k."id" = x."commentId"
        WHERE x."userId" = ${userId} AND x."postId" = p."id" AND (x."commentId" IS NULL OR k."deletedAt" IS NULL)))
    ORDER BY p."createdAt" DESC, p."id" DESC
    LIMIT ${limit}`;
  return rows.map(({ authorId, authorName, authorHandle, ...p }) => ({
    ...p,
    author: { id: authorId, name: authorName, handle: authorHandle },
  }));
}

/**
 * How many unread posts, and unread mentions of `userId`, each of these channels holds, by the rule
 * findPostsAfterCutoffs applies for Catch up: posts by others, not deleted, newer than the member's lastReadAt, in
 * followed non-archived channels; a mention counts when it (in a post or a comment, neither deleted) is newer than
 * lastReadAt. Channels missing from the answer have neither. One statement.
 */
export async function countUnreadPosts(db: DbOrTx, userId: string, channelIds: string[]) {
  if (channelIds.length === 0) return new Map<string, { unread: number; mentions: number }>();
  const rows = await db.$queryRaw<{ channelId: string; unread: number; mentions: number }[]>`
    SELECT m."channelId",
      (SELECT count(*) FROM "Post" p
        WHERE p."channelId" = m."channelId" AND p."deletedAt" IS NULL AND p."authorId" <> ${userId}
          AND (m."lastReadAt" IS NULL OR p."createdAt" > m."lastReadAt"))::int AS "unread",
      (SELECT count(*) FROM "Mention" x
        JOIN "Post" p ON p."id" = x."postId" AND p."deletedAt" IS NULL
        LEFT JOIN "Comment" cm ON cm."id" = x."commentId"
        WHERE x."userId" = ${userId} AND p."channelId" = m."channelId" AND cm."deletedAt" IS NULL
          AND (m."lastReadAt" IS NULL OR x."createdAt" > m."lastReadAt"))::int AS "mentions"
    FROM "ChannelMember" m
    JOIN "Channel" c ON c."id" = m."channelId" AND c."archivedAt" IS NULL
    WHERE m."userId" = ${userId} AND m."channelId" = ANY(${channelIds}::text[])`;
  return new Map(
    rows
      .filter((r) => r.unread > 0 || r.mentions > 0)
      .map((r) => [r.channelId, { unread: Number(r.unread), mentions: Number(r.mentions) }]),
  );
}

export function markChannelRead(db: DbOrTx, channelId: string, userId: string, at: Date) {
  return db.channelMember.updateMany({ where: { channelId, userId }, data: { lastReadAt: at } });
}

/** Every channel `userId` follows in the workspace, read up to `at` (archived ones too: nothing new comes there). */
export function markWorkspaceRead(db: DbOrTx, workspaceId: string, userId: string, at: Date) {
  return db.channelMember.updateMany({ where: { userId, channel: { workspaceId } }, data: { lastReadAt: at } });
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
