// The embedded adapter: counters in this process's memory (rate-limiter-flexible). Per process, so several
// instances each count on their own — the managed deployment uses Upstash for one shared count.
import "server-only";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { limiterPerWindow, type Decision, type RateLimitStore } from "./adapter";

export function createMemoryStore(): RateLimitStore {
  const limiterFor = limiterPerWindow(
    (id, w) => new RateLimiterMemory({ keyPrefix: id, points: w.limit, duration: w.windowSeconds }),
  );
  return {
    name: "memory",
    async hit(bucket, key, w): Promise<Decision> {
      try {
        const res = await limiterFor(bucket, w).consume(key);
        return {
          allowed: true,
          limit: w.limit,
          remaining: res.remainingPoints,
          resetAt: Date.now() + res.msBeforeNext,
        };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return { allowed: false, limit: w.limit, remaining: 0, resetAt: Date.now() + error.msBeforeNext };
      }
    },
    async ping() {},
  };
}
