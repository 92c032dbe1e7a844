// The cached counts in Upstash Redis (the local REST fake over the real Redis), chosen by env alone: the same promises
// as on the memory cache.
import { afterAll, vi } from "vitest";

const { fake, prefix } = await vi.hoisted(async () => {
  const { startUpstashFake } = await import("../fakes/upstash-fake");
  const { randomBytes: bytes } = await import("node:crypto");
  const started = await startUpstashFake({ token: "counts-token" });
  const keyPrefix = `test:counts:${bytes(6).toString("hex")}`;
  process.env.UPSTASH_REDIS_REST_URL = started.url;
  process.env.UPSTASH_REDIS_REST_TOKEN = "counts-token";
  process.env.CACHE_PREFIX = keyPrefix;
  process.env.RATE_LIMIT_PREFIX = `${keyPrefix}:rl`;
  return { fake: started, prefix: keyPrefix };
});

import { countsCacheSuite } from "../support/counts-cache-suite";

afterAll(async () => {
  const keys = await fake.redis.keys(`${prefix}*`);
  if (keys.length) await fake.redis.del(...keys);
  await fake.close();
});

countsCacheSuite();
