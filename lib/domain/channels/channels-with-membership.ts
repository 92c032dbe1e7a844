// The reader's channel list as the cache holds it: the sidebar's list (list-channels.ts) and the channel check before a
// post (get-channel.ts) both read it. Renewed under channelsScope by every change to a channel or to who belongs to it.
import { cachedComputed, channelsScope } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import { listChannelsWithMembership } from "@/lib/data/channels";
import type { Actor } from "../actor";

/** Every channel of the workspace with the reader's membership, from the cache; who may see which is the caller's. */
export async function channelsWithMembership(actor: Actor, workspaceId: string) {
  const rows = await cachedComputed(channelsScope(workspaceId), `channels:${workspaceId}:${actor.userId}`, async () =>
    (await listChannelsWithMembership(await getDb(), workspaceId, actor.userId)).map(
      ({ archivedAt, createdAt, ...c }) => ({
        ...c,
        archivedAt: archivedAt?.toISOString() ?? null,
        createdAt: createdAt.toISOString(),
      }),
    ),
  );
  return rows.map((c) => ({
    ...c,
    archivedAt: c.archivedAt ? new Date(c.archivedAt) : null,
    createdAt: new Date(c.createdAt),
  }));
}
