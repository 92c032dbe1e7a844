// The embedded database's worker thread dying under the app: the client it served fails at once as unavailable (the
// 503 path, never a hang), the log says so, and the next request opens the database again in a new worker.
import { describe, expect, it, vi } from "vitest";
import type { PgliteThread } from "@/lib/data/db/pglite-thread";
import { api } from "../support/api";
import { takeConsoleErrors } from "../support/fail-on-console-error";

const threads: PgliteThread[] = [];
vi.mock("@/lib/data/db/pglite-thread", async (original) => {
  const real = await original<typeof import("@/lib/data/db/pglite-thread")>();
  return {
    ...real,
    startPgliteThread: async (...args: Parameters<typeof real.startPgliteThread>) => {
      const thread = await real.startPgliteThread(...args);
      threads.push(thread);
      return thread;
    },
  };
});

describe.skipIf(process.env.DATABASE_URL)("the embedded database's worker thread dies", () => {
  it("fails the client it served at once as unavailable, and the next request opens the database again", async () => {
    const { getDb, DatabaseUnavailableError } = await import("@/lib/data/db/client");
    const db = await getDb();
    expect(await db.user.count()).toBeGreaterThanOrEqual(0);
    expect(threads).toHaveLength(1);

    await threads[0]!.terminate(); // as a crash of the thread would
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const started = Date.now();
    const error = await db.user.count().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(error).toBeInstanceOf(DatabaseUnavailableError);
    expect((error as Error).message).toMatch(/worker exited/);
    warn.mockRestore();
    expect(
      takeConsoleErrors()
        .map((args) => args.map(String).join(" "))
        .join("\n"),
    ).toMatch(/embedded database worker exited/);

    // Opening again (a new worker; memory:// migrates afresh) can outlast health's 2 s deadline: open it first.
    expect(await (await getDb()).user.count()).toBe(0);
    expect(threads).toHaveLength(2);
    expect((await api("GET", "/api/health")).status).toBe(200);
  }, 120_000);
});
