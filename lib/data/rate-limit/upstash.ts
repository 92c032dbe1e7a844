// The managed adapter: @upstash/ratelimit's fixed window over Upstash Redis (REST), shared by every instance.
// If Upstash is slow or down, the decision says so (`unavailable`) and lets the request through — a limiter must
// not take the app down with it — and a warning is logged: `timeout` after 1 s, one quick retry, no more. The
// sign-in rules refuse instead (lib/domain/rate-limits.ts).
import "server-only";
import { Ratelimit } from "@upstash/ratelimit";
import { Redis } from "@upstash/redis";
import { log } from "@/lib/log";
import { limiterPerWindow, type Decision, type RateLimitStore } from "./adapter";

export function createUpstashStore(options: {
  url: string;
  token: string;
  prefix: string;
  timeoutMs?: number;
}): RateLimitStore {
  const timeoutMs = options.timeoutMs ?? 1000;
  const redis = new Redis({
    url: options.url,
    token: options.token,
    retry: { retries: 1, backoff: () => 100 },
    enableTelemetry: false,
  });
  const limiterFor = limiterPerWindow(
    (id, w) =>
      new Ratelimit({
        redis,
        limiter: Ratelimit.fixedWindow(w.limit, `${w.windowSeconds} s`),
        prefix: `${options.prefix}:${id}`,
        timeout: timeoutMs,
        analytics: false,
      }),
  );
  return {
    name: "upstash",
    async hit(bucket, key, w): Promise<Decision> {
      const letThrough = (error: unknown): Decision => {
        log.warn("rate-limit store unavailable; letting the request through", { store: "upstash", bucket, error });
        return {
          allowed: true,
          limit: w.limit,
          remaining: w.limit,
          resetAt: Date.now() + w.windowSeconds * 1000,
          unavailable: true,
        };
      };
      try {
        const res = await limiterFor(bucket, w).limit(key);
        if (res.reason === "timeout") return letThrough(`no answer within ${timeoutMs} ms`);
        return { allowed: res.success, limit: res.limit, remaining: Math.max(0, res.remaining), resetAt: res.reset };
      } catch (error) {
        return letThrough(error);
      }
    },
    async ping() {
      await redis.ping();
    },
  };
}
