// Unread posts in the channels a person follows: ONE function behind the in-app "Catch up" list and the daily digest.
import { getDb } from "@/lib/data/db/client";
import { countUnreadPosts, findFollowedChannels, findPostsAfterCutoffs } from "@/lib/data/catch-up";
import type { Actor } from "../actor";
import { requireWorkspaceMember } from "../policy";
import { unreadCutoffs } from "./levels";

export type CatchUp = {
  total: number;
  channels: {
    channelId: string;
    name: string;
    workspaceId: string;
    workspaceName: string;
    posts: { id: string; title: string; createdAt: Date; author: { id: string; name: string; handle: string } }[];
  }[];
};

/**
 * Posts by others, not deleted, in followed (non-archived) channels, newer than max(the channel's lastReadAt,
 * `since`); newest first, at most `limit`. The digest passes its last send time as `since`, and `byLevel`: each
 * channel then lists what the person's notification level there asks for (./levels.ts), in the same one query.
 */
export async function findUnreadPosts(
  userId: string,
  options: { since?: Date | null; limit?: number; workspaceId?: string; byLevel?: boolean } = {},
): Promise<CatchUp> {
  const db = await getDb();
  const followed = await findFollowedChannels(db, userId, options.workspaceId);
  const cutoffs = unreadCutoffs(
    followed.map((f) => ({ channelId: f.channel.id, lastReadAt: f.lastReadAt, notifyLevel: f.notifyLevel })),
    options,
  );
  const posts = await findPostsAfterCutoffs(db, userId, cutoffs, options.limit ?? 100);
  const channels = followed
    .map((f) => ({
      channelId: f.channel.id,
      name: f.channel.name,
      workspaceId: f.channel.workspaceId,
      workspaceName: f.channel.workspace.name,
      posts: posts
        .filter((p) => p.channelId === f.channel.id)
        .map(({ id, title, createdAt, author }) => ({ id, title, createdAt, author })),
    }))
    .filter((c) => c.posts.length > 0)
    .sort((a, b) => a.workspaceName.localeCompare(b.workspaceName) || a.name.localeCompare(b.name));
  return { total: posts.length, channels };
}

/** The in-app "Catch up" page (and the API's): the unread posts of one workspace, at most `limit`, newest first. */
export function catchUp(actor: Actor, workspaceId: string, limit = 100) {
  requireWorkspaceMember(actor, workspaceId);
  return findUnreadPosts(actor.userId, { limit, workspaceId });
}

/** How many unread posts and mentions each of these channels (the actor follows) holds, by Catch up's rule. */
export async function countUnread(actor: Actor, channelIds: string[]) {
  return countUnreadPosts(await getDb(), actor.userId, channelIds);
}
