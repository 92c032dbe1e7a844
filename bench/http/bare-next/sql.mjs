// The SQL the bare arms run: the same single statement Tidings' list sends (lib/data/posts.ts listChannelPage:
// the channel's facts and the reader's membership, then a page of live posts with author and comment count), and
// one INSERT for a post. Shared by the bare Next.js route and the node:http server.
export const LIST_SQL = `WITH ch AS (
    SELECT c."id", c."workspaceId", c."name", c."description", c."kind"::text AS "kind", c."archivedAt", c."createdAt",
      c."createdById",
      EXISTS (SELECT 1 FROM "ChannelMember" m WHERE m."channelId" = c."id" AND m."userId" = $3) AS "isMember"
    FROM "Channel" c WHERE c."id" = $1 AND c."workspaceId" = $2
  ), page AS (
    SELECT p."id", p."workspaceId", p."channelId", p."authorId", p."title", p."body", p."createdAt", p."editedAt",
      p."deletedAt", u."name" AS "authorName", u."handle" AS "authorHandle",
      (SELECT count(*)::int FROM "Comment" c WHERE c."postId" = p."id" AND c."deletedAt" IS NULL) AS "commentCount"
    FROM "Post" p JOIN "User" u ON u."id" = p."authorId"
    WHERE p."channelId" = $1 AND p."deletedAt" IS NULL
    ORDER BY p."createdAt" DESC, p."id" DESC
    LIMIT $4
  )
  SELECT ch."id" AS "chId", ch."kind" AS "chKind", ch."isMember" AS "chIsMember", page.*
  FROM ch LEFT JOIN page ON true
  ORDER BY page."createdAt" DESC, page."id" DESC`;

export const INSERT_SQL = `INSERT INTO "Post" ("id", "workspaceId", "channelId", "authorId", "title", "body", "createdAt")
  VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING "id", "workspaceId", "channelId", "title", "body", "createdAt"`;

/** The same JSON Tidings answers: { data: [post with author and commentCount], nextCursor }. */
export function listJson(rows, limit) {
  const posts = rows.filter((r) => r.id !== null);
  const items = posts.slice(0, limit).map((r) => ({
    id: r.id,
    workspaceId: r.workspaceId,
    channelId: r.channelId,
    title: r.title,
    body: r.body,
    createdAt: r.createdAt,
    editedAt: r.editedAt,
    author: { id: r.authorId, name: r.authorName, handle: r.authorHandle },
    commentCount: r.commentCount,
  }));
  const last = items[items.length - 1];
  const nextCursor =
    posts.length > limit && last
      ? Buffer.from(JSON.stringify([last.createdAt.toISOString(), last.id])).toString("base64url")
      : null;
  return { data: items, nextCursor };
}

export const listParams = (u) => {
  const limit = Math.min(100, Number(u.searchParams.get("limit") ?? 25));
  return {
    params: [
      u.searchParams.get("channelId"),
      u.searchParams.get("workspaceId"),
      u.searchParams.get("userId"),
      limit + 1,
    ],
    limit,
  };
};
