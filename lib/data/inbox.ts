// The Inbox: posts a person follows (wrote, commented on, was mentioned in, or followed by hand), listed while they
// hold activity by someone else newer than what the person marked done. A post's author follows it from the statement
// that inserts the post (insertPost); the rest is recorded from post/created and comment/created by a background
// function; every write here is idempotent (GREATEST of event timestamps), so a
// retried or late run changes nothing twice and never brings back what was marked done after the activity.
import "server-only";
import { Prisma } from "./generated/prisma/client";
import type { DbOrTx } from "./db/client";
import type { ChannelColumns } from "./search";

export type InboxKeyset = { activityAt: Date; postId: string };

export type InboxRow = ChannelColumns & {
  postId: string;
  reason: "AUTHOR" | "COMMENTED" | "MENTIONED" | "MANUAL";
  activityAt: Date;
  title: string;
  postAuthorId: string;
  postAuthorName: string;
  postAuthorHandle: string;
  postCreatedAt: Date;
  /** Comments by others newer than what was marked done. */
  newComments: number;
  lastCommentId: string | null;
  lastCommentAuthorName: string | null;
  lastCommentAuthorHandle: string | null;
};

/**
 * A new post: its author follows it (nothing to show until someone answers; insertPost already recorded that, this
 * keeps it true for any post), and each person the post mentions follows it with the mention as activity (what was
 * there before it counts as seen). One statement.
 */
export function recordPostActivity(db: DbOrTx, postId: string) {
  return db.$executeRaw`
    INSERT INTO "PostFollow" ("postId", "userId", "workspaceId", "reason", "activityAt", "doneAt")
    SELECT p."id", p."authorId", p."workspaceId", 'AUTHOR'::"FollowReason", NULL::timestamp(3), NULL::timestamp(3)
      FROM "Post" p WHERE p."id" = ${postId} AND p."deletedAt" IS NULL
    UNION ALL
    SELECT p."id", m."userId", p."workspaceId", 'MENTIONED'::"FollowReason", p."createdAt",
        p."createdAt" - interval '1 millisecond'
      FROM "Mention" m JOIN "Post" p ON p."id" = m."postId"
      WHERE m."postId" = ${postId} AND m."commentId" IS NULL AND p."deletedAt" IS NULL
    ON CONFLICT ("postId", "userId") DO UPDATE
      SET "activityAt" = GREATEST("PostFollow"."activityAt", EXCLUDED."activityAt")`;
}

/**
 * A new comment: it is activity for everyone else who follows the post; its author follows the post with everything up
 * to their comment seen; each person it mentions follows with the comment as activity. Two statements (PostgreSQL
 * cannot change one row twice in one statement), each idempotent; a deleted comment or post records nothing.
 */
export async function recordCommentActivity(db: DbOrTx, commentId: string) {
  await db.$executeRaw`
    UPDATE "PostFollow" f SET "activityAt" = GREATEST(f."activityAt", cm."createdAt")
    FROM "Comment" cm JOIN "Post" p ON p."id" = cm."postId"
    WHERE cm."id" = ${commentId} AND cm."deletedAt" IS NULL AND p."deletedAt" IS NULL
      AND f."postId" = cm."postId" AND f."userId" <> cm."authorId"`;
  await db.$executeRaw`
    INSERT INTO "PostFollow" ("postId", "userId", "workspaceId", "reason", "activityAt", "doneAt")
    SELECT p."id", who."userId", p."workspaceId", who."reason", who."activityAt", who."doneAt"
    FROM "Comment" cm JOIN "Post" p ON p."id" = cm."postId"
    CROSS JOIN LATERAL (
      SELECT cm."authorId" AS "userId", 'COMMENTED'::"FollowReason" AS "reason", NULL::timestamp(3) AS "activityAt",
          cm."createdAt" AS "doneAt"
      UNION ALL
      SELECT m."userId", 'MENTIONED'::"FollowReason", cm."createdAt", cm."createdAt" - interval '1 millisecond'
        FROM "Mention" m WHERE m."commentId" = cm."id" AND m."userId" <> cm."authorId"
    ) who
    WHERE cm."id" = ${commentId} AND cm."deletedAt" IS NULL AND p."deletedAt" IS NULL
    ON CONFLICT ("postId", "userId") DO UPDATE
      SET "activityAt" = GREATEST("PostFollow"."activityAt", EXCLUDED."activityAt"),
        "doneAt" = CASE WHEN EXCLUDED."reason" = 'COMMENTED' THEN GREATEST("PostFollow"."doneAt", EXCLUDED."doneAt")
          ELSE "PostFollow"."doneAt" END`;
}

type InboxReader = { userId: string; workspaceId: string; guest: boolean };

/** A follow's post (not deleted), its channel, and the reader's membership of that channel. */
const inboxJoins = (userId: string) => Prisma.sql`
  JOIN "Post" p ON p."id" = f."postId" AND p."deletedAt" IS NULL
  JOIN "Channel" c ON c."id" = p."channelId"
  LEFT JOIN "ChannelMember" cmem ON cmem."channelId" = c."id" AND cmem."userId" = ${userId}`;

/**
 * In the reader's Inbox: their follow in this workspace, with activity newer than done, in a channel they may read
 * (lib/domain/policy.ts canViewChannel: guests only channels they were added to, anyone a private one they are in).
 */
const inboxRule = (q: InboxReader) => Prisma.sql`
  f."userId" = ${q.userId} AND f."workspaceId" = ${q.workspaceId} AND f."activityAt" IS NOT NULL
  AND (f."doneAt" IS NULL OR f."activityAt" > f."doneAt")
  AND (cmem."userId" IS NOT NULL OR (NOT ${q.guest} AND c."kind" <> 'PRIVATE'))`;

/**
 * One page of the Inbox, newest activity first: followed posts with activity newer than done, not deleted, in a channel
 * the reader may see (guests: only channels they were added to; the domain checks each row again). One statement.
 */
export function listInbox(db: DbOrTx, q: InboxReader & { limit: number; after?: InboxKeyset }): Promise<InboxRow[]> {
  const keyset = q.after
    ? Prisma.sql`AND (f."activityAt", f."postId") < (${q.after.activityAt}::timestamp(3), ${q.after.postId})`
    : Prisma.empty;
  return db.$queryRaw<InboxRow[]>`
    SELECT f."postId", f."reason"::text AS "reason", f."activityAt", p."title", c."id" AS "channelId",
      c."name" AS "channelName", c."kind"::text AS "channelKind", c."archivedAt" AS "channelArchivedAt",
      (cmem."userId" IS NOT NULL) AS "isMember", a."id" AS "postAuthorId", a."name" AS "postAuthorName",
      a."handle" AS "postAuthorHandle", p."createdAt" AS "postCreatedAt",
      (SELECT count(*) FROM "Comment" n WHERE n."postId" = p."id" AND n."deletedAt" IS NULL
        AND n."authorId" <> ${q.userId} AND (f."doneAt" IS NULL OR n."createdAt" > f."doneAt"))::int AS "newComments",
      last."id" AS "lastCommentId", last."name" AS "lastCommentAuthorName", last."handle" AS "lastCommentAuthorHandle"
    FROM "PostFollow" f ${inboxJoins(q.userId)}
      JOIN "User" a ON a."id" = p."authorId"
      LEFT JOIN LATERAL (
        SELECT lc."id", u."name", u."handle" FROM "Comment" lc JOIN "User" u ON u."id" = lc."authorId"
        WHERE lc."postId" = p."id" AND lc."deletedAt" IS NULL AND lc."authorId" <> ${q.userId}
        ORDER BY lc."createdAt" DESC, lc."id" DESC LIMIT 1
      ) last ON true
    WHERE ${inboxRule(q)} ${keyset}
    ORDER BY f."activityAt" DESC, f."postId" DESC
    LIMIT ${q.limit}`;
}

/** How many posts the reader's Inbox holds in this workspace, by listInbox's rule. One statement. */
export async function countInbox(db: DbOrTx, q: InboxReader) {
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM "PostFollow" f ${inboxJoins(q.userId)} WHERE ${inboxRule(q)}`;
  return Number(row?.count ?? 0);
}

/**
 * Done with a post up to the activity the Inbox showed: it comes back only with newer activity. The row as it is after
 * (null: the person does not follow the post). Idempotent.
 */
export async function markFollowDone(db: DbOrTx, postId: string, userId: string) {
  const [row] = await db.$queryRaw<{ postId: string; doneAt: Date | null; activityAt: Date | null }[]>`
    UPDATE "PostFollow" SET "doneAt" = GREATEST("doneAt", "activityAt")
    WHERE "postId" = ${postId} AND "userId" = ${userId}
    RETURNING "postId", "doneAt", "activityAt"`;
  return row ?? null;
}

/** Follow a post by hand (what is there now counts as seen); following it already keeps the row as it is. */
export async function followPost(db: DbOrTx, row: { postId: string; userId: string; workspaceId: string }, at: Date) {
  await db.postFollow.createMany({
    data: [{ ...row, reason: "MANUAL", doneAt: at }],
    skipDuplicates: true,
  });
  return findFollow(db, row.postId, row.userId);
}

export function unfollowPost(db: DbOrTx, postId: string, userId: string) {
  return db.postFollow.deleteMany({ where: { postId, userId } });
}

export function findFollow(db: DbOrTx, postId: string, userId: string) {
  return db.postFollow.findUnique({
    where: { postId_userId: { postId, userId } },
    select: { postId: true, reason: true, activityAt: true, doneAt: true },
  });
}
