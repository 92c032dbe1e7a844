// Rate-limit counters: one interface, two adapters (Upstash Redis when UPSTASH_REDIS_REST_URL is set, else this
// process's memory). Both count hits in fixed windows; which rule applies to what lives in lib/domain/rate-limits.ts.
import "server-only";
import { env } from "@/lib/env";

export type Window = { limit: number; windowSeconds: number };

export type Decision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (ms since the epoch). */
  resetAt: number;
};

export interface RateLimitStore {
  readonly name: "memory" | "upstash";
  /** Counts one hit on `key` in `bucket` (one counter family per rule and window). */
  hit(bucket: string, key: string, window: Window): Promise<Decision>;
  /** For /api/health: throws when the store cannot be reached. */
  ping(): Promise<void>;
}

/** One limiter per rule and window, made on first use and kept: both adapters build theirs this way. */
export function limiterPerWindow<L>(create: (id: string, window: Window) => L): (bucket: string, window: Window) => L {
  const limiters = new Map<string, L>();
  return (bucket, window) => {
    const id = `${bucket}:${window.limit}/${window.windowSeconds}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = create(id, window);
      limiters.set(id, limiter);
    }
    return limiter;
  };
}

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
