// The embedded adapter: a bounded map in this process's memory (oldest entry evicted first, each with a TTL).
// Per process: several instances each keep their own, so a deployment of several instances uses Upstash, where a
// write-through reaches them all.
import "server-only";
import type { Cache } from "./adapter";

type Entry = { json: string; expiresAt: number };

export function createMemoryCache(options: { maxEntries: number; now?: () => number }): Cache {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt <= now()) entries.delete(key);
    else return entry;
    return undefined;
  };
  const put = (key: string, value: unknown, ttlSeconds: number) => {
    entries.delete(key); // re-inserted last: the Map's order is the eviction order
    // Stored as JSON, like Redis: a caller cannot mutate what another reads, and Dates fail the same way in both.
    entries.set(key, { json: JSON.stringify(value), expiresAt: now() + ttlSeconds * 1000 });
    while (entries.size > options.maxEntries) {
      const oldest = entries.keys().next().value;
      if (oldest === undefined) break;
      entries.delete(oldest);
    }
  };
  return {
    name: "memory",
    get: (keys) =>
      Promise.resolve(
        keys.map((k) => {
          const entry = live(k);
          return entry ? (JSON.parse(entry.json) as unknown) : null;
        }),
      ),
    set: (key, value, ttlSeconds) => Promise.resolve(put(key, value, ttlSeconds)),
    add(key, value, ttlSeconds) {
      if (live(key)) return Promise.resolve(false);
      put(key, value, ttlSeconds);
      return Promise.resolve(true);
    },
    del(keys) {
      for (const k of keys) entries.delete(k);
      return Promise.resolve();
    },
    async ping() {},
  };
}
