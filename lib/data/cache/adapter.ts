// What a cache adapter is (memory.ts, upstash.ts): JSON values under string keys, each with a time to live. Kept
// apart from store.ts, which picks an adapter, so that no adapter imports its chooser.
export interface Cache {
  readonly name: "memory" | "upstash";
  /** The values of `keys` in one round trip, null where absent or expired. Values are JSON (no Dates). */
  get(keys: string[]): Promise<unknown[]>;
  set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  /** Sets `key` only when it is absent; whether it did. */
  add(key: string, value: unknown, ttlSeconds: number): Promise<boolean>;
  del(keys: string[]): Promise<void>;
  /** For /api/health: throws when the cache cannot be reached. */
  ping(): Promise<void>;
}
