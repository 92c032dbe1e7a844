// Two PGlite instances on one directory silently lose acknowledged writes, so whoever opens the
// embedded database takes an exclusive lock on its directory first; a second opener fails loudly.
import lockfile from "proper-lockfile";
import { mkdirSync } from "node:fs";
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

/** Locks `dir` (creating it and its parents) and returns the release function. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true });
  try {
    // The lock is refreshed every 5 s and considered stale after 15 s, so a killed process does not block forever.
    return await lockfile.lock(dir, {
      stale: EMBEDDED_LOCK_STALE_SECONDS * 1000,
      update: 5_000,
      realpath: false,
      lockfilePath: `${dir}.lock`,
    });
  } catch (error) {
    if ((error as { code?: string }).code === "ELOCKED") throw new EmbeddedDatabaseLockedError(dir);
    throw error;
  }
}
