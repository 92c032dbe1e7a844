// Reactions on posts and comments, and pins: queries only, the decisions are in lib/domain/reactions.
import "server-only";
import { Prisma } from "./generated/prisma/client";
import type { DbOrTx } from "./db/client";

export type ReactionRow = {
  commentId: string | null;
  emoji: string;
  count: number;
  reactedByMe: boolean;
  people: { id: string; name: string; handle: string }[];
};

/** Adds the reaction unless it is there (one statement: the unique key decides). */
export function addReaction(
  db: DbOrTx,
  r: { postId: string; commentId: string | null; userId: string; emoji: string },
) {
  return db.reaction.createMany({
    data: [{ ...r, targetId: r.commentId ?? r.postId }],
    skipDuplicates: true,
  });
}

export function removeReaction(db: DbOrTx, r: { targetId: string; userId: string; emoji: string }) {
  return db.reaction.deleteMany({ where: r });
}

/** How many different emoji a post or comment has, and whether this one is among them. */
export async function emojiOnTarget(db: DbOrTx, targetId: string, emoji: string) {
  const rows = await db.$queryRaw<{ kinds: number; has: boolean }[]>`
    SELECT count(DISTINCT r."emoji")::int AS "kinds", coalesce(bool_or(r."emoji" = ${emoji}), false) AS "has"
    FROM "Reaction" r WHERE r."targetId" = ${targetId}`;
  return rows[0] ?? { kinds: 0, has: false };
}

/** Each emoji on the post and its live comments (or on one target), with its count and the first 50 people. */
export function summarizeReactions(db: DbOrTx, postId: string, viewerId: string, targetId?: string) {
  return db.$queryRaw<ReactionRow[]>`
    SELECT r."commentId", r."emoji", count(*)::int AS "count", bool_or(r."userId" = ${viewerId}) AS "reactedByMe",
      (SELECT json_agg(json_build_object('id', s."id", 'name', s."name", 'handle', s."handle") ORDER BY s."at", s."rid")
       FROM (SELECT u."id", u."name", u."handle", r2."createdAt" AS "at", r2."id" AS "rid"
             FROM "Reaction" r2 JOIN "User" u ON u."id" = r2."userId"
             WHERE r2."targetId" = r."targetId" AND r2."emoji" = r."emoji"
             ORDER BY r2."createdAt", r2."id" LIMIT 50) s) AS "people"
    FROM "Reaction" r
      LEFT JOIN "Comment" c ON c."id" = r."commentId"
    WHERE r."postId" = ${postId} AND (c."id" IS NULL OR c."deletedAt" IS NULL)
      ${targetId ? Prisma.sql`AND r."targetId" = ${targetId}` : Prisma.empty}
    GROUP BY r."targetId", r."commentId", r."emoji"
    ORDER BY min(r."createdAt"), r."emoji"`;
}

/** The comment, when it belongs to this post and is not deleted. */
export function findLiveCommentOfPost(db: DbOrTx, commentId: string, postId: string) {
  return db.comment.findFirst({ where: { id: commentId, postId, deletedAt: null }, select: { id: true } });
}

export function setPostPinned(db: DbOrTx, postId: string, pinnedById: string | null) {
  return db.post.update({
    where: { id: postId },
    data: pinnedById ? { pinnedAt: new Date(), pinnedById } : { pinnedAt: null, pinnedById: null },
    select: { id: true },
  });
}

export function countPinned(db: DbOrTx, channelId: string) {
  return db.post.count({ where: { channelId, pinnedAt: { not: null }, deletedAt: null } });
}
