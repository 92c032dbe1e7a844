import type { findPost } from "@/lib/data/posts";

type PostRow = NonNullable<Awaited<ReturnType<typeof findPost>>>;

/** The shape every reader of a post gets (API, pages, emails). */
export function presentPost(row: PostRow) {
  const { _count, authorId: _authorId, deletedAt: _deletedAt, ...post } = row;
  return { ...post, commentCount: _count.comments };
}
export type PostView = ReturnType<typeof presentPost>;
