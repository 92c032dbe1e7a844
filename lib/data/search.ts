// Full-text search over posts and comments, in one statement: the channels the reader may see (their facts come back
// for the domain's own check), the matches ranked by PostgreSQL (generated tsvector columns with GIN indexes, see the
// `search` migration), one keyset page, and a highlighted passage for the page's rows only.
import "server-only";
import { Prisma } from "./generated/prisma/client";
import type { DbOrTx } from "./db/client";

export type SearchKeyset = { rank: string; createdAt: Date; id: string };

/** A hit's channel as raw queries return it: enough for the domain's canViewChannel to check the row again. */
export type ChannelColumns = {
  channelId: string;
  channelName: string;
  channelKind: "PUBLIC" | "PRIVATE" | "ANNOUNCEMENT";
  channelArchivedAt: Date | null;
  /** The reader is in the channel. */
  isMember: boolean;
};

export type SearchRow = ChannelColumns & {
  postId: string;
  commentId: string | null;
  title: string;
  authorId: string;
  authorName: string;
  authorHandle: string;
  createdAt: Date;
  /** The passage of the body (Markdown's emphasis, code and heading marks removed), each match between \u0002 and \u0003. */
  headline: string;
  /** ts_rank rounded (numeric, as text: exact in a cursor); "0" for a filters-only search. */
  rank: string;
  /** The hit's own id: the comment's, else the post's (ids are unique across tables). */
  hitId: string;
};

// ts_headline's markers: control characters no post can show, removed from the text first.
const HEADLINE_OPTIONS =
  "StartSel=\u0002, StopSel=\u0003, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\u0001";

export async function searchPostsAndComments(
  db: DbOrTx,
  q: {
    workspaceId: string;
    userId: string;
    /** Guests see only the channels they were added to (lib/domain/policy.ts canViewChannel). */
    guest: boolean;
    text: string | null;
    channel?: string;
    author?: string;
    before?: Date;
    after?: Date;
    hasFile: boolean;
    includeArchived: boolean;
    limit: number;
    after_?: SearchKeyset;
  },
): Promise<SearchRow[]> {
  const match = (vector: Prisma.Sql) => (q.text === null ? Prisma.sql`true` : Prisma.sql`${vector} @@ query.q`);
  const rank = (vector: Prisma.Sql) =>
    q.text === null ? Prisma.sql`0::numeric` : Prisma.sql`round(ts_rank(${vector}, query.q)::numeric, 6)`;
  const when = (column: Prisma.Sql) =>
    Prisma.sql`${q.before ? Prisma.sql`AND ${column} < ${q.before}` : Prisma.empty}
      ${q.after ? Prisma.sql`AND ${column} >= ${q.after}` : Prisma.empty}`;
  const byAuthor = q.author ? Prisma.sql`AND author."handle" = ${q.author}` : Prisma.empty;
  const keyset = q.after_
    ? Prisma.sql`WHERE (hits."rank", hits."createdAt", hits."hitId") <
        (${q.after_.rank}::numeric, ${q.after_.createdAt}::timestamp(3), ${q.after_.id})`
    : Prisma.empty;

  return db.$queryRaw<SearchRow[]>`WITH query AS (
      SELECT websearch_to_tsquery('english'::regconfig, ${q.text ?? ""}) AS q
    ), readable AS (
      SELECT c."id", c."name", c."kind"::text AS "kind", c."archivedAt",
        EXISTS (SELECT 1 FROM "ChannelMember" m WHERE m."channelId" = c."id" AND m."userId" = ${q.userId}) AS "isMember"
      FROM "Channel" c
      WHERE c."workspaceId" = ${q.workspaceId}
        ${q.includeArchived ? Prisma.empty : Prisma.sql`AND c."archivedAt" IS NULL`}
        ${q.channel ? Prisma.sql`AND c."name" = ${q.channel}` : Prisma.empty}
    ), visible AS (
      SELECT * FROM readable r WHERE r."isMember" OR (NOT ${q.guest} AND r."kind" <> 'PRIVATE')
    ), hits AS (
      SELECT p."id" AS "postId", NULL::text AS "commentId", p."id" AS "hitId", p."channelId", p."authorId",
        p."createdAt", ${rank(Prisma.sql`p."searchVector"`)} AS "rank"
      FROM query, "Post" p
        JOIN visible v ON v."id" = p."channelId"
        JOIN "User" author ON author."id" = p."authorId"
      WHERE p."workspaceId" = ${q.workspaceId} AND p."deletedAt" IS NULL AND ${match(Prisma.sql`p."searchVector"`)}
        ${byAuthor} ${when(Prisma.sql`p."createdAt"`)}
        ${q.hasFile ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Attachment" a WHERE a."postId" = p."id" AND a."commentId" IS NULL AND a."status" = 'READY')` : Prisma.empty}
      UNION ALL
      SELECT p."id", cm."id", cm."id", p."channelId", cm."authorId", cm."createdAt",
        ${rank(Prisma.sql`cm."searchVector"`)}
      FROM query, "Comment" cm
        JOIN "Post" p ON p."id" = cm."postId"
        JOIN visible v ON v."id" = p."channelId"
        JOIN "User" author ON author."id" = cm."authorId"
      WHERE p."workspaceId" = ${q.workspaceId} AND cm."deletedAt" IS NULL AND p."deletedAt" IS NULL
        AND ${match(Prisma.sql`cm."searchVector"`)}
        ${byAuthor} ${when(Prisma.sql`cm."createdAt"`)}
        ${q.hasFile ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Attachment" a WHERE a."commentId" = cm."id" AND a."status" = 'READY')` : Prisma.empty}
    ), page AS (
      SELECT * FROM hits ${keyset}
      ORDER BY hits."rank" DESC, hits."createdAt" DESC, hits."hitId" DESC
      LIMIT ${q.limit}
    )
    SELECT page."postId", page."commentId", page."hitId", page."createdAt", page."rank"::text AS "rank",
      p."title", v."id" AS "channelId", v."name" AS "channelName", v."kind" AS "channelKind",
      v."archivedAt" AS "channelArchivedAt", v."isMember", u."id" AS "authorId", u."name" AS "authorName",
      u."handle" AS "authorHandle",
      ${
        q.text === null
          ? Prisma.sql`left(translate(coalesce(cm."body", p."body"), E'\\x01\\x02\\x03*\`#~', ''), 240)`
          : Prisma.sql`ts_headline('english'::regconfig,
              translate(coalesce(cm."body", p."body"), E'\\x01\\x02\\x03*\`#~', ''),
              query.q, ${HEADLINE_OPTIONS})`
      } AS "headline"
    FROM query, page
      JOIN "Post" p ON p."id" = page."postId"
      LEFT JOIN "Comment" cm ON cm."id" = page."commentId"
      JOIN visible v ON v."id" = page."channelId"
      JOIN "User" u ON u."id" = page."authorId"
    ORDER BY page."rank" DESC, page."createdAt" DESC, page."hitId" DESC`;
}
