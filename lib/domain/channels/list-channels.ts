import { cachedComputed, channelsScope } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import { listChannelsWithMembership } from "@/lib/data/channels";
import type { Actor } from "../actor";
import { canViewChannel, requireWorkspaceMember } from "../policy";

/**
 * Every channel the actor may see: active ones first, then archived, each by name. The list (with the reader's
 * memberships) is cached per reader until a channel of the workspace is made, changed, joined or left; who may see
 * what is decided here on every call, from the actor's current role.
 */
export async function listChannels(actor: Actor, workspaceId: string) {
  requireWorkspaceMember(actor, workspaceId);
  const rows = await cachedComputed(channelsScope(workspaceId), `channels:${workspaceId}:${actor.userId}`, async () =>
    (await listChannelsWithMembership(await getDb(), workspaceId, actor.userId)).map(
      ({ members, archivedAt, createdAt, ...c }) => ({
        ...c,
        isMember: members.length > 0,
        archivedAt: archivedAt?.toISOString() ?? null,
        createdAt: createdAt.toISOString(),
      }),
    ),
  );
  return rows
    .map((c) => ({ ...c, archivedAt: c.archivedAt ? new Date(c.archivedAt) : null, createdAt: new Date(c.createdAt) }))
    .filter((c) => canViewChannel(actor, c));
}
