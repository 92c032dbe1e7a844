import { getDb } from "@/lib/data/db/client";
import { findPostsByIds } from "@/lib/data/posts";
import { findUsersByIds } from "@/lib/data/users";
import type { Actor } from "../actor";
import { listNotifications } from "./list-notifications";

/**
 * The in-app list: each notification with who did it and the post it is about. Posts since deleted (or whose
 * channel the person can no longer see is not checked here: the link leads to the post page, which decides).
 */
export async function notificationFeed(actor: Actor, page: { limit: number; cursor?: string }) {
  const db = await getDb();
  const result = await listNotifications(actor, page);
  const actorIds = [...new Set(result.items.flatMap((n) => (n.actorId ? [n.actorId] : [])))];
  const postIds = [...new Set(result.items.flatMap((n) => (n.postId ? [n.postId] : [])))];
  const [users, posts] = await Promise.all([findUsersByIds(db, actorIds), findPostsByIds(db, postIds)]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const postById = new Map(posts.flatMap((p) => (!p.deletedAt ? [[p.id, p] as const] : [])));
  return {
    ...result,
    items: result.items.map((n) => {
      const post = n.postId ? postById.get(n.postId) : undefined;
      const by = n.actorId ? userById.get(n.actorId) : undefined;
      return {
        id: n.id,
        kind: n.kind,
        workspaceId: n.workspaceId,
        read: n.readAt !== null,
        createdAt: n.createdAt,
        inComment: n.commentId !== null,
        actor: by ? { name: by.name, handle: by.handle } : null,
        post: post ? { id: post.id, title: post.title } : null,
      };
    }),
  };
}
