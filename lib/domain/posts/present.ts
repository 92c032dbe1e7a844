import type { PostRow } from "@/lib/data/posts";

/** The shape every reader of a post gets (API, pages, emails). */
export function presentPost(row: PostRow) {
  const { authorId: _authorId, deletedAt: _deletedAt, ...post } = row;
  return post;
}
export type PostView = ReturnType<typeof presentPost>;
