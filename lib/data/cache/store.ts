// The cache: one interface, two adapters (Upstash Redis when UPSTASH_REDIS_REST_URL is set, else this process's
// memory), chosen by env once. What is cached, and how it is invalidated, lives with its user (actors.ts, …).
import "server-only";
import { env } from "@/lib/env";
import type { Cache } from "./adapter";

export type { Cache } from "./adapter";

const slot = Symbol.for("tidings.cache");
type G = typeof globalThis & { [slot]?: Promise<Cache> };
const g = globalThis as G;

/** The process's cache (kept on globalThis: Next loads a copy of this module per bundle). */
export function cacheStore(): Promise<Cache> {
  g[slot] ??= (async () => {
    if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
      const { createUpstashCache } = await import("./upstash");
      return createUpstashCache({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN });
    }
    const { createMemoryCache } = await import("./memory");
    return createMemoryCache({ maxEntries: env.CACHE_MAX_ENTRIES });
  })();
  return g[slot];
}

/** A key under this deployment's prefix (several deployments may share one Redis). */
export const cacheKey = (...parts: string[]) => [env.CACHE_PREFIX, ...parts].join(":");
