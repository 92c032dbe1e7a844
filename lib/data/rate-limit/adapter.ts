// What a rate-limit adapter is (memory.ts, upstash.ts): the store interface, and the per-window limiter cache both
// adapters build theirs with. Kept apart from store.ts, which picks an adapter, so that no adapter imports its chooser.
export type Window = { limit: number; windowSeconds: number };

export type Decision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** When the current window ends (ms since the epoch). */
  resetAt: number;
  /** The store did not answer: `allowed` is the fail-open default, and callers guarding sign-in refuse instead. */
  unavailable?: true;
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
