import { activityScope, cachedComputed, channelsScope, readsScope } from "@/lib/data/cache/computed";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { countUnread } from "../digest/catch-up";
import { countInboxItems } from "../inbox/inbox";
import { decodeNameCursor, encodeNameCursor, type Page } from "../pagination";
import { canViewChannel, requireWorkspaceMember } from "../policy";
import { channelsWithMembership } from "./channels-with-membership";

/**
 * Every channel the actor may see: active ones first, then archived, each by name. The list (with the reader's
 * memberships) is cached per reader until a channel of the workspace is made, changed, joined or left; who may see
 * what is decided here on every call, from the actor's current role.
 */
export async function listChannels(actor: Actor, workspaceId: string) {
  requireWorkspaceMember(actor, workspaceId);
  return (await channelsWithMembership(actor, workspaceId)).filter((c) => canViewChannel(actor, c));
}

type ChannelListItem = Awaited<ReturnType<typeof listChannels>>[number];

export type WorkspaceCounts = {
  /** Per channel the reader follows (none: nothing unread): posts by others since they read it, mentions among them. */
  channels: Record<string, { unread: number; mentions: number }>;
  /** Posts in the reader's Inbox. */
  inbox: number;
};

/**
 * The reader's counts in a workspace (the sidebar's badges, the API's channel list), cached per reader until a post or
 * comment of the workspace is written, deleted or restored, the background records Inbox activity, a channel is made,
 * changed, joined or left, or the reader reads, marks done or follows (lib/data/cache/computed.ts's scopes).
 */
export async function workspaceCounts(actor: Actor, workspaceId: string): Promise<WorkspaceCounts> {
  const role = requireWorkspaceMember(actor, workspaceId);
  const followed = (await listChannels(actor, workspaceId)).filter((c) => c.isMember && !c.archivedAt).map((c) => c.id);
  return cachedComputed(
    [channelsScope(workspaceId), activityScope(workspaceId), readsScope(workspaceId, actor.userId)],
    // What a guest may see differs: the role is part of the key (a role change also renews channelsScope).
    `counts:${workspaceId}:${actor.userId}:${role === "GUEST" ? "guest" : "member"}`,
    async () => {
      const [unread, inbox] = await Promise.all([countUnread(actor, followed), countInboxItems(actor, workspaceId)]);
      return { channels: Object.fromEntries(unread), inbox };
    },
  );
}

/**
 * listChannels a page at a time, each channel with its unread count (the API's channel list). The page is cut from
 * the same cached list in the same order; the cursor names the last channel shown, and the next page starts after
 * it wherever a rename has moved it (a channel the reader can no longer see: after its name).
 */
export async function listChannelsPage(
  actor: Actor,
  workspaceId: string,
  page: PageQuery,
): Promise<Page<ChannelListItem & { unreadCount: number; mentionCount: number }>> {
  const after = decodeNameCursor(page.cursor);
  const all = await listChannels(actor, workspaceId);
  let start = 0;
  if (after) {
    const at = all.findIndex((c) => c.id === after.id);
    start = at >= 0 ? at + 1 : all.findIndex((c) => c.name > after.name || (c.name === after.name && c.id > after.id));
    if (start < 0) start = all.length;
  }
  const items = all.slice(start, start + page.limit);
  const last = items[items.length - 1];
  const more = start + page.limit < all.length;
  const counts = (await workspaceCounts(actor, workspaceId)).channels;
  return {
    items: items.map((c) => ({
      ...c,
      unreadCount: counts[c.id]?.unread ?? 0,
      mentionCount: counts[c.id]?.mentions ?? 0,
    })),
    nextCursor: more && last ? encodeNameCursor({ name: last.name, id: last.id }) : null,
  };
}
