// Computed results read far more than written (the sidebar's channel list), cached per reader under their scope's
// generation (generations.ts): the operations that change them call forgetComputed once they committed.
import "server-only";
import { env } from "@/lib/env";
import { attempt, forgetGenerations, generationKey, generationOf } from "./generations";
import { cacheKey } from "./store";

type Entry<T> = { gen: string; value: T };

/**
 * `load`'s answer for `key`, from the cache while none of its scopes has changed (one read of the cache for the entry
 * and every scope's generation). The value must be JSON (no Dates).
 */
export async function cachedComputed<T>(scopes: string | string[], key: string, load: () => Promise<T>): Promise<T> {
  const entryKey = cacheKey("computed", key);
  const list = typeof scopes === "string" ? [scopes] : scopes;
  const found = await attempt("computed", async (cache) => {
    const [entry, ...seen] = (await cache.get([entryKey, ...list.map(generationKey)])) as [
      Entry<T> | null,
      ...unknown[],
    ];
    const current = seen.every((g) => typeof g === "string") ? seen.join(" ") : undefined;
    if (entry && current !== undefined && entry.gen === current) return { hit: entry.value, gen: current };
    const made: string[] = [];
    for (const [i, scope] of list.entries()) made.push(await generationOf(cache, scope, seen[i]));
    return { hit: undefined, gen: made.join(" ") };
  });
  if (found?.hit !== undefined) return found.hit;
  const value = await load();
  const gen = found?.gen;
  if (gen) await attempt("computed", (cache) => cache.set(entryKey, { gen, value }, env.CACHE_TTL_SECONDS));
  return value;
}

export const forgetComputed = (scopes: string[]) => forgetGenerations(scopes);

/** The scope of a workspace's channel list (every reader's copy): channels made, changed, joined or left. */
export const channelsScope = (workspaceId: string) => `channels:${workspaceId}`;

/**
 * The scope of what everyone's unread and Inbox counts in a workspace are computed from: posts and comments written,
 * edited, deleted or restored, and the Inbox's follows recorded by the background.
 */
export const activityScope = (workspaceId: string) => `activity:${workspaceId}`;

/** The scope of one reader's own reading in a workspace: channels read, Inbox entries done, posts followed. */
export const readsScope = (workspaceId: string, userId: string) => `reads:${workspaceId}:${userId}`;

/** The scope of one person's in-app notifications (the bell's unread count): made for them, or read. */
export const notificationsScope = (userId: string) => `notifications:${userId}`;

/** The scope of a channel's members' notification levels (who follows it at "Everything"). */
export const levelsScope = (channelId: string) => `levels:${channelId}`;

/** The scope of a workspace's webhook endpoints (which event types an enabled endpoint subscribes to). */
export const webhooksScope = (workspaceId: string) => `webhooks:${workspaceId}`;
