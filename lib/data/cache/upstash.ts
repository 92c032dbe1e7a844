// The managed adapter: Upstash Redis over REST, shared by every instance. Each call gives up after `timeoutMs` with
// no retry: a caller treats a failed read as a miss (and asks the database), so a slow cache must not slow it down.
import "server-only";
import { Redis } from "@upstash/redis";
import type { Cache } from "./adapter";

export function createUpstashCache(options: { url: string; token: string; timeoutMs?: number }): Cache {
  const timeoutMs = options.timeoutMs ?? 500;
  const redis = new Redis({
    url: options.url,
    token: options.token,
    retry: { retries: 0 },
    enableTelemetry: false,
    signal: () => AbortSignal.timeout(timeoutMs),
  });
  return {
    name: "upstash",
    async get(keys) {
      if (!keys.length) return [];
      return redis.mget<unknown[]>(...keys);
    },
    async set(key, value, ttlSeconds) {
      await redis.set(key, value, { ex: ttlSeconds });
    },
    async add(key, value, ttlSeconds) {
      return (await redis.set(key, value, { ex: ttlSeconds, nx: true })) === "OK";
    },
    async del(keys) {
      if (keys.length) await redis.del(...keys);
    },
    async ping() {
      await redis.ping();
    },
  };
}
