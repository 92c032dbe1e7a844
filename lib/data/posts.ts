import "server-only";
import { randomUUID } from "node:crypto";
import { newId } from "./ids";
import { Prisma } from "./generated/prisma/client";
import type { DbOrTx } from "./db/client";
import { queryRows } from "./db/raw-read";
import type { OutboxInsert } from "./outbox";

export type PostRow = {
  id: string;
  workspaceId: string;
  channelId: string;
  authorId: string;
  title: string;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  pinnedAt: Date | null;
  author: { id: string; name: string; handle: string };
  /** Comments not deleted: counted for this post only (an index range), never by aggregating the whole table. */
  commentCount: number;
};

// The columns of a post row, its author's, and its own comment count, for the raw reads below.
const postColumns = Prisma.sql`p."id", p."workspaceId", p."channelId", p."authorId", p."title", p."body",
  p."createdAt", p."editedAt", p."deletedAt", p."pinnedAt", u."name" AS "authorName", u."handle" AS "authorHandle",
  (SELECT count(*)::int FROM "Comment" c WHERE c."postId" = p."id" AND c."deletedAt" IS NULL) AS "commentCount"`;

type RawPost = Omit<PostRow, "author"> & { authorName: string; authorHandle: string };

// Field by field rather than by rest and spread: it runs for every row of every list, and copying named fields is
// several times cheaper than V8's rest-with-exclusions; it also leaves behind any other column of the row.
const fromRaw = (r: RawPost): PostRow => ({
  id: r.id,
  workspaceId: r.workspaceId,
  channelId: r.channelId,
  authorId: r.authorId,
  title: r.title,
  body: r.body,
  createdAt: r.createdAt,
  editedAt: r.editedAt,
  deletedAt: r.deletedAt,
  pinnedAt: r.pinnedAt,
  author: { id: r.authorId, name: r.authorName, handle: r.authorHandle },
  commentCount: r.commentCount,
});

/** The id of a post about to be inserted: chosen first, so the rows written with it can name it. */
export const newPostId = newId;

/**
 * Inserts the post and returns it with its author (a new post has no comments), in one statement, with the author's
 * follow of it (the Inbox: lib/data/inbox.ts); with `event`, its outbox row too, in the same statement (a
 * data-modifying WITH runs whether or not the query reads it).
 */
export async function insertPost(
  tx: DbOrTx,
  data: { id: string; workspaceId: string; channelId: string; authorId: string; title: string; body: string },
  event?: OutboxInsert,
): Promise<PostRow> {
  const now = new Date(); // from here, not the database's clock: timestamp columns hold UTC whatever its time zone
  const outbox = event
    ? Prisma.sql`, o AS (
        INSERT INTO "OutboxEvent" ("id", "name", "data", "requestId", "createdAt", "availableAt")
        VALUES (${event.id ?? randomUUID()}, ${event.name}, ${JSON.stringify(event.data)}::jsonb,
          ${event.requestId ?? null}, ${now}, ${event.availableAt ?? now})
      )`
    : Prisma.empty;
  const rows = await queryRows<RawPost>(
    tx,
    Prisma.sql`WITH p AS (
      INSERT INTO "Post" ("id", "workspaceId", "channelId", "authorId", "title", "body", "createdAt")
      VALUES (${data.id}, ${data.workspaceId}, ${data.channelId}, ${data.authorId}, ${data.title}, ${data.body},
        ${now})
      RETURNING *
    ), f AS (
      INSERT INTO "PostFollow" ("postId", "userId", "workspaceId", "reason", "activityAt", "doneAt", "createdAt")
      VALUES (${data.id}, ${data.authorId}, ${data.workspaceId}, 'AUTHOR'::"FollowReason", NULL, NULL, ${now})
    )${outbox}
    SELECT p."id", p."workspaceId", p."channelId", p."authorId", p."title", p."body", p."createdAt", p."editedAt",
      p."deletedAt", p."pinnedAt", u."name" AS "authorName", u."handle" AS "authorHandle", 0 AS "commentCount"
    FROM p JOIN "User" u ON u."id" = p."authorId"`,
  );
  const row = rows[0];
  if (!row) throw new Error("insertPost: the author does not exist");
  return fromRaw(row);
}

/** The post, its author and its comment count, in one statement. */
export async function findPost(db: DbOrTx, id: string): Promise<PostRow | null> {
  const rows = await queryRows<RawPost>(
    db,
    Prisma.sql`SELECT ${postColumns} FROM "Post" p JOIN "User" u ON u."id" = p."authorId" WHERE p."id" = ${id}`,
  );
  return rows[0] ? fromRaw(rows[0]) : null;
}

/** Several posts by id (with authors and comment counts), in one statement. */
export async function findPostsByIds(db: DbOrTx, ids: string[]): Promise<PostRow[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<RawPost>(
    db,
    Prisma.sql`SELECT ${postColumns}
      FROM "Post" p JOIN "User" u ON u."id" = p."authorId" WHERE p."id" = ANY(${ids}::text[])`,
  );
  return rows.map(fromRaw);
}

export type ChannelPage = {
  /** The channel (null when it does not exist in that workspace) and whether `userId` is one of its members. */
  channel: {
    id: string;
    workspaceId: string;
    name: string;
    description: string;
    kind: "PUBLIC" | "PRIVATE" | "ANNOUNCEMENT";
    archivedAt: Date | null;
    createdAt: Date;
    createdById: string | null;
    isMember: boolean;
  } | null;
  posts: PostRow[];
};

/**
 * One statement for a channel's page of posts: the channel's facts and the reader's membership (for the domain's
 * visibility decision), then up to `limit` live posts newest first, each with its author and comment count.
 * `after` is the (createdAt, id) of the last row of the previous page.
 */
export async function listChannelPage(
  db: DbOrTx,
  q: { workspaceId: string; channelId: string; userId: string; limit: number; after?: { createdAt: Date; id: string } },
): Promise<ChannelPage> {
  const keyset = q.after
    ? Prisma.sql`AND (p."createdAt", p."id") < (${q.after.createdAt}::timestamp(3), ${q.after.id})`
    : Prisma.empty;
  const rows = await queryRows<
    {
      chId: string;
      chName: string;
      chDescription: string;
      chKind: "PUBLIC" | "PRIVATE" | "ANNOUNCEMENT";
      chArchivedAt: Date | null;
      chCreatedAt: Date;
      chCreatedById: string | null;
      chIsMember: boolean;
    } & ({ id: null } | RawPost)
  >(
    db,
    Prisma.sql`WITH ch AS (
      SELECT c."id", c."workspaceId", c."name", c."description", c."kind"::text AS "kind", c."archivedAt", c."createdAt",
        c."createdById",
        EXISTS (SELECT 1 FROM "ChannelMember" m WHERE m."channelId" = c."id" AND m."userId" = ${q.userId}) AS "isMember"
      FROM "Channel" c WHERE c."id" = ${q.channelId} AND c."workspaceId" = ${q.workspaceId}
    ), page AS (
      SELECT ${postColumns}
      FROM "Post" p JOIN "User" u ON u."id" = p."authorId"
      WHERE p."channelId" = ${q.channelId} AND p."deletedAt" IS NULL ${keyset}
      ORDER BY p."createdAt" DESC, p."id" DESC
      LIMIT ${q.limit}
    )
    SELECT ch."id" AS "chId", ch."name" AS "chName", ch."description" AS "chDescription", ch."kind" AS "chKind",
      ch."archivedAt" AS "chArchivedAt", ch."createdAt" AS "chCreatedAt", ch."createdById" AS "chCreatedById",
      ch."isMember" AS "chIsMember", page.*
    FROM ch LEFT JOIN page ON true
    ORDER BY page."createdAt" DESC, page."id" DESC`,
  );
  const first = rows[0];
  if (!first) return { channel: null, posts: [] };
  return {
    channel: {
      id: first.chId,
      workspaceId: q.workspaceId,
      name: first.chName,
      description: first.chDescription,
      kind: first.chKind,
      archivedAt: first.chArchivedAt,
      createdAt: first.chCreatedAt,
      createdById: first.chCreatedById,
      isMember: first.chIsMember,
    },
    // A channel without posts is one row of the channel's columns alone (the LEFT JOIN's nulls).
    posts: rows.flatMap((row) => (row.id === null ? [] : [fromRaw(row)])),
  };
}

/** A channel's pinned live posts, the most recently pinned first, in one statement. */
export async function listPinnedPosts(db: DbOrTx, channelId: string, limit: number): Promise<PostRow[]> {
  const rows = await queryRows<RawPost>(
    db,
    Prisma.sql`SELECT ${postColumns}
      FROM "Post" p JOIN "User" u ON u."id" = p."authorId"
      WHERE p."channelId" = ${channelId} AND p."pinnedAt" IS NOT NULL AND p."deletedAt" IS NULL
      ORDER BY p."pinnedAt" DESC, p."id" DESC LIMIT ${limit}`,
  );
  return rows.map(fromRaw);
}

/** Updates the post and reads it back with its author and comment count: two statements. */
export async function updatePost(
  tx: DbOrTx,
  id: string,
  data: { title?: string; body?: string; editedAt?: Date; deletedAt?: Date | null; deletedById?: string | null },
): Promise<PostRow> {
  await tx.post.update({ where: { id }, data, select: { id: true } });
  const post = await findPost(tx, id);
  if (!post) throw new Error(`updatePost: post ${id} vanished inside its transaction`);
  return post;
}

/** Posts of the workspace deleted since `since`, most recently deleted first, with their channel and who deleted them. */
export function listDeletedPosts(
  db: DbOrTx,
  q: { workspaceId: string; viewerId: string; since: Date; limit: number; after?: { deletedAt: Date; id: string } },
) {
  return db.post.findMany({
    where: {
      workspaceId: q.workspaceId,
      deletedAt: { gte: q.since },
      ...(q.after
        ? { OR: [{ deletedAt: { lt: q.after.deletedAt } }, { deletedAt: q.after.deletedAt, id: { lt: q.after.id } }] }
        : {}),
    },
    orderBy: [{ deletedAt: "desc" }, { id: "desc" }],
    take: q.limit,
    select: {
      id: true,
      title: true,
      createdAt: true,
      deletedAt: true,
      channel: {
        select: {
          id: true,
          name: true,
          kind: true,
          archivedAt: true,
          members: { where: { userId: q.viewerId }, select: { userId: true } },
        },
      },
      author: { select: { id: true, name: true, handle: true } },
      deletedById: true,
    },
  });
}

/** Hard-deletes posts soft-deleted before `before` (past the restore window); comments and mentions cascade. */
export function purgeDeletedPosts(db: DbOrTx, before: Date) {
  return db.post.deleteMany({ where: { deletedAt: { lt: before } } });
}
