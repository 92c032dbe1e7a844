// Rate-limit counters: one interface, two adapters (Upstash Redis when UPSTASH_REDIS_REST_URL is set, else this
// process's memory). Both count hits in fixed windows; which rule applies to what lives in lib/domain/rate-limits.ts.
import "server-only";
import { env } from "@/lib/env";
import type { RateLimitStore } from "./adapter";

export type { Decision, RateLimitStore, Window } from "./adapter";

const slot = Symbol.for("tidings.rate-limit.store");
type G = typeof globalThis & { [slot]?: Promise<RateLimitStore> };
const g = globalThis as G;

/** The process's store, chosen by env once (kept on globalThis: Next loads a copy of this module per bundle). */
export function rateLimitStore(): Promise<RateLimitStore> {
  g[slot] ??= (async () => {
    if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
      const { createUpstashStore } = await import("./upstash");
      return createUpstashStore({
        url: env.UPSTASH_REDIS_REST_URL,
        token: env.UPSTASH_REDIS_REST_TOKEN,
        prefix: env.RATE_LIMIT_PREFIX,
      });
    }
    const { createMemoryStore } = await import("./memory");
    return createMemoryStore();
  })();
  return g[slot];
}
