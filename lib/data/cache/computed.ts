// Computed results read far more than written (the sidebar's channel list), cached per reader under their scope's
// generation (generations.ts): the operations that change them call forgetComputed once they committed.
import "server-only";
import { env } from "@/lib/env";
import { attempt, forgetGenerations, generationKey, generationOf } from "./generations";
import { cacheKey } from "./store";

type Entry<T> = { gen: string; value: T };

/** `load`'s answer for `key`, from the cache while `scope` has not changed. The value must be JSON (no Dates). */
export async function cachedComputed<T>(scope: string, key: string, load: () => Promise<T>): Promise<T> {
  const entryKey = cacheKey("computed", key);
  const found = await attempt("computed", async (cache) => {
    const [entry, gen] = (await cache.get([entryKey, generationKey(scope)])) as [Entry<T> | null, unknown];
    if (entry && typeof gen === "string" && entry.gen === gen) return { hit: entry.value, gen };
    return { hit: undefined, gen: await generationOf(cache, scope, gen) };
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
