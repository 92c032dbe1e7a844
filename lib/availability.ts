// The process's memory of "the database is not answering": the data layer writes it when a query or the opening
// fails that way, and the proxy reads it so every page asked for meanwhile answers a quick 503 with Retry-After
// instead of waiting out the database's timeouts. API requests still reach the database, so the first one that
// succeeds clears it; otherwise it lapses after the retry time and the next request tries again.
const key = Symbol.for("tidings.database.unavailableUntil");
type GlobalWithState = typeof globalThis & { [key]?: number };
// One state per process: the proxy and the route bundles are separate module instances in one process.
const g = globalThis as GlobalWithState;

export function markDatabaseUnavailable(retryAfterSeconds: number, now = Date.now()): void {
  g[key] = Math.max(g[key] ?? 0, now + retryAfterSeconds * 1000);
}

export function markDatabaseAnswering(): void {
  if (g[key] !== undefined) g[key] = undefined;
}

/** Seconds until the database is worth asking again, or undefined when nothing says it is down. */
export function databaseRetryAfterSeconds(now = Date.now()): number | undefined {
  const until = g[key];
  if (until === undefined || until <= now) return undefined;
  return Math.ceil((until - now) / 1000);
}
