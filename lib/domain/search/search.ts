// Search a workspace's posts and comments: only channels the actor may read (decided in the query from the same
// facts canViewChannel uses, then checked again per hit with canViewChannel itself), no deleted posts or comments,
// archived channels only when asked. Ranked by relevance, newest first among equals, in keyset pages.
import { getDb } from "@/lib/data/db/client";
import { searchPostsAndComments, type SearchKeyset, type SearchRow } from "@/lib/data/search";
import { AppError } from "@/lib/errors";
import type { SearchFilters } from "@/lib/validation/search";
import type { Actor } from "../actor";
import { canViewChannel, requireWorkspaceMember } from "../policy";

export type SearchInput = {
  q: SearchFilters;
  archived: "include" | "exclude";
  cursor?: string;
  limit: number;
};

const encode = (k: SearchKeyset) =>
  Buffer.from(JSON.stringify([k.rank, k.createdAt.toISOString(), k.id])).toString("base64url");

function decode(cursor: string | undefined): SearchKeyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((p) => typeof p === "string")) {
      const [rank, at, id] = parsed as [string, string, string];
      const createdAt = new Date(at);
      const year = createdAt.getUTCFullYear();
      if (/^\d{1,6}(\.\d{1,6})?$/.test(rank) && year >= 1 && year <= 9999 && /^[A-Za-z0-9_-]{1,64}$/.test(id))
        return { rank, createdAt, id };
    }
  } catch {
    // fall through
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not one this API issued", [
    { path: "cursor", message: "invalid cursor" },
  ]);
}

/** "\u0002word\u0003" markers from ts_headline → pieces with `match` set; fragments joined with an ellipsis. */
export function snippetPieces(headline: string): { text: string; match: boolean }[] {
  const pieces: { text: string; match: boolean }[] = [];
  const text = headline.replaceAll("\u0001", " … ").replace(/\s+/g, " ").trim();
  for (const part of text.split(/(\u0002[^\u0003]*\u0003)/)) {
    if (part === "") continue;
    const match = part.startsWith("\u0002");
    const piece = match ? part.slice(1, -1) : part;
    const last = pieces[pieces.length - 1];
    if (last && last.match === match) last.text += piece;
    else pieces.push({ text: piece, match });
  }
  return pieces;
}

function present(row: SearchRow) {
  return {
    post: { id: row.postId, title: row.title },
    commentId: row.commentId,
    channel: {
      id: row.channelId,
      name: row.channelName,
      kind: row.channelKind,
      archived: row.channelArchivedAt !== null,
    },
    author: { id: row.authorId, name: row.authorName, handle: row.authorHandle },
    createdAt: row.createdAt,
    snippet: snippetPieces(row.headline),
  };
}
export type SearchHitView = ReturnType<typeof present>;

export async function search(actor: Actor, workspaceId: string, input: SearchInput) {
  const role = requireWorkspaceMember(actor, workspaceId);
  const rows = await searchPostsAndComments(await getDb(), {
    workspaceId,
    userId: actor.userId,
    guest: role === "GUEST",
    ...input.q,
    includeArchived: input.archived === "include",
    limit: input.limit + 1,
    after_: decode(input.cursor),
  });
  // The query only returns readable channels; the policy has the last word all the same.
  const readable = rows.filter((r) =>
    canViewChannel(actor, {
      workspaceId,
      kind: r.channelKind,
      archivedAt: r.channelArchivedAt,
      isMember: r.isMember,
    }),
  );
  const items = readable.slice(0, input.limit);
  const last = rows.length > input.limit ? rows[input.limit - 1] : undefined;
  return {
    items: items.map(present),
    nextCursor: last ? encode({ rank: last.rank, createdAt: last.createdAt, id: last.hitId }) : null,
  };
}
