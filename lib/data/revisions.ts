// Edit history: the versions a post or comment replaced. Queries only.
import "server-only";
import type { DbOrTx } from "./db/client";

export function insertRevision(
  tx: DbOrTx,
  data: { postId: string; commentId: string | null; title: string | null; body: string; editorId: string },
) {
  return tx.revision.create({ data, select: { id: true } });
}

/** Oldest first; at most `limit`. */
export function listRevisions(db: DbOrTx, postId: string, commentId: string | null, limit: number) {
  return db.revision.findMany({
    where: { postId, commentId },
    orderBy: [{ replacedAt: "asc" }, { id: "asc" }],
    take: limit,
    select: {
      id: true,
      title: true,
      body: true,
      replacedAt: true,
      editor: { select: { id: true, name: true, handle: true } },
    },
  });
}
