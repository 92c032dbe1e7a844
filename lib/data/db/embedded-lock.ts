// Two PGlite instances on one directory silently lose acknowledged writes, so whoever opens the
// embedded database takes an exclusive lock on its directory first; a second opener fails loudly.
import lockfile from "proper-lockfile";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";

export class EmbeddedDatabaseLockedError extends Error {
  constructor(dir: string) {
    super(
      `The embedded database at ${path.resolve(dir)} is already open in another process (a running ` +
        "`npm run dev`/`npm start`, a script, or a test). Stop that process first, or point PGLITE_DATA_DIR elsewhere.",
    );
    this.name = "EmbeddedDatabaseLockedError";
  }
}

/** A lock not refreshed for this long is stale: a process killed while holding it blocks the next one this long. */
export const EMBEDDED_LOCK_STALE_SECONDS = 15;

/** A lock whose owner is known dead is taken over once it is this old (the smallest staleness proper-lockfile allows). */
const DEAD_OWNER_STALE_MS = 2_000;

/**
 * Locks `dir` (creating it and its parents) and returns the release function. The lock is refreshed every 5 s and
 * stale after 15 s, so a killed process does not block forever; and when the process that holds it is known to be
 * dead (same machine, its pid gone), it is taken over within a couple of seconds instead.
 */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  const lockfilePath = `${dir}.lock`;
  const ownerPath = `${lockfilePath}.owner`;
  const options = { stale: EMBEDDED_LOCK_STALE_SECONDS * 1000, update: 5_000, realpath: false, lockfilePath };
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(dir, options);
  } catch (error) {
    if ((error as { code?: string }).code !== "ELOCKED") throw error;
    if (!ownerIsDead(ownerPath)) throw new EmbeddedDatabaseLockedError(dir);
    // proper-lockfile's own takeover: a lock refreshed in the last 2 s (a new owner that won a race) is not stale.
    const deadOwner = {
      ...options,
      stale: DEAD_OWNER_STALE_MS,
      retries: { retries: 8, minTimeout: 250, maxTimeout: 500 },
    };
    release = await lockfile.lock(dir, deadOwner).catch((again: Error & { code?: string }) => {
      throw again.code === "ELOCKED" ? new EmbeddedDatabaseLockedError(dir) : again;
    });
  }
  writeFileSync(ownerPath, JSON.stringify({ pid: process.pid, host: hostname() }));
  return async () => {
    rmSync(ownerPath, { force: true });
    await release();
  };
}

/** The lock's owner ran on this machine and its process no longer exists. Unknown, elsewhere or alive: not dead. */
function ownerIsDead(ownerPath: string): boolean {
  let owner: { pid?: unknown; host?: unknown };
  try {
    owner = JSON.parse(readFileSync(ownerPath, "utf8")) as typeof owner;
  } catch {
    return false;
  }
  if (owner.host !== hostname() || typeof owner.pid !== "number" || owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as { code?: string }).code === "ESRCH";
  }
}
