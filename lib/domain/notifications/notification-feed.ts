import { getDb } from "@/lib/data/db/client";
import { findNotifiedPosts } from "@/lib/data/notifications";
import { findUsersByIds } from "@/lib/data/users";
import { notificationKind } from "@/lib/validation/notifications";
import type { Actor } from "../actor";
import { canViewChannel } from "../policy";
import { listNotifications } from "./list-notifications";

/**
 * The in-app list (and the API's): each notification ("mention": someone mentioned the person; "post": a new post in
 * a channel they follow at level ALL) with who did it and the post it is about. A post since
 * deleted, or in a channel the person can no longer see, shows as null: its title is not theirs to read any more.
 */
export async function notificationFeed(actor: Actor, page: { limit: number; cursor?: string }) {
  const db = await getDb();
  const result = await listNotifications(actor, page);
  const actorIds = [...new Set(result.items.flatMap((n) => (n.actorId ? [n.actorId] : [])))];
  const postIds = [...new Set(result.items.flatMap((n) => (n.postId ? [n.postId] : [])))];
  const [users, posts] = await Promise.all([
    findUsersByIds(db, actorIds),
    findNotifiedPosts(db, actor.userId, postIds),
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const postById = new Map(
    posts.flatMap((p) => (!p.deletedAt && canViewChannel(actor, p) ? [[p.id, p] as const] : [])),
  );
  return {
    ...result,
    items: result.items.map((n) => {
      const post = n.postId ? postById.get(n.postId) : undefined;
      const by = n.actorId ? userById.get(n.actorId) : undefined;
      return {
        id: n.id,
        kind: notificationKind.parse(n.kind), // only these two are ever written
        workspaceId: n.workspaceId,
        read: n.readAt !== null,
        readAt: n.readAt,
        createdAt: n.createdAt,
        inComment: n.commentId !== null,
        actor: by ? { id: by.id, name: by.name, handle: by.handle } : null,
        post: post
          ? { id: post.id, title: post.title, channelId: post.channelId, channelName: post.channelName }
          : null,
      };
    }),
  };
}
