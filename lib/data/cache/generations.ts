// Generations: a random tag under a scope's key (a person, a workspace's channels). Cached entries carry the tag
// they were read under; deleting the tag (after the changing transaction committed) makes every entry of the scope
// stop matching at once, on every instance. A reader takes the tag *before* it asks the database, so an answer
// read just before a change is never stored under the tag that follows it.
import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { cacheKey, cacheStore, type Cache } from "./store";

export const generationKey = (scope: string) => cacheKey("gen", scope);

/** Runs `run` against the cache; a cache that cannot answer gives undefined (the caller asks the database). */
export async function attempt<T>(what: string, run: (cache: Cache) => Promise<T>): Promise<T | undefined> {
  try {
    return await run(await cacheStore());
  } catch (error) {
    log.warn("cache unavailable; asking the database", { what, error });
    return undefined;
  }
}

/** The scope's generation, made when absent (outliving the entries it tags, so it is not remade under them). */
export async function generationOf(cache: Cache, scope: string, seen: unknown): Promise<string> {
  if (typeof seen === "string") return seen;
  // Never JSON-looking (Upstash parses what it reads back): a letter first.
  const fresh = `g${randomBytes(12).toString("base64url")}`;
  if (await cache.add(generationKey(scope), fresh, env.CACHE_TTL_SECONDS * 2)) return fresh;
  const [now] = await cache.get([generationKey(scope)]);
  if (typeof now !== "string") throw new Error("the generation vanished while it was being made");
  return now;
}

/**
 * Write-through: lib/domain calls it once the change committed. Retried once; if the cache still cannot be reached,
 * an error is logged and entries may live on until CACHE_TTL_SECONDS.
 */
export async function forgetGenerations(scopes: string[]): Promise<void> {
  if (!scopes.length) return;
  const keys = scopes.map(generationKey);
  for (let tries = 1; ; tries++) {
    try {
      return await (await cacheStore()).del(keys);
    } catch (error) {
      if (tries >= 2) {
        log.error("cache unavailable: cached rights may outlive their change until the TTL", { scopes, error });
        return;
      }
    }
  }
}
