// While another process holds the embedded database, and after a crash whose owner cannot be confirmed dead (another
// machine sharing the folder) until the lock goes stale (15 s), the API answers 503 with Retry-After — not a 500 — and
// once the lock is stale the next request is served. An owner known dead (same machine, pid gone) is taken over at once.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { api } from "../support/api";

const root = mkdtempSync(path.join(tmpdir(), "tidings-lock-503-"));
const dir = path.join(root, "pglite");
// Before any app module reads the environment (they are imported lazily through api()).
delete process.env.DATABASE_URL;
process.env.PGLITE_DATA_DIR = dir;

let holder: ChildProcess | undefined;
afterAll(async () => {
  if (holder && holder.exitCode === null) holder.kill("SIGKILL");
  const { closeDb } = await import("@/lib/data/db/client");
  await closeDb();
  rmSync(root, { recursive: true, force: true });
});

/** tests/support/hold-embedded-db.ts: another process opens the database the way the app does and holds it. */
function holdDatabase(): Promise<{ child: ChildProcess; exited: Promise<unknown> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/hold-embedded-db.ts"], {
    env: { ...process.env, PGLITE_DATA_DIR: dir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((resolve) => child.on("exit", resolve));
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (/^ready$/m.test(out)) resolve({ child, exited });
      if (/^failed/m.test(out)) reject(new Error(out));
    });
    void exited.then(() => reject(new Error(`the holder exited without opening the database:\n${out}`)));
  });
}

describe("the embedded database locked by another (or a crashed) process", () => {
  it("answers 503 UNAVAILABLE with Retry-After while the lock holds, and serves again once it is stale", async () => {
    const held = await holdDatabase();
    holder = held.child;

    // Held by a live process: the API says it is unavailable and when to come back.
    const live = await api("GET", "/api/v1/workspaces", { token: "tid_" + "a".repeat(40) });
    expect(live.status).toBe(503);
    expect(live.json.error.code).toBe("UNAVAILABLE");
    expect(live.json.error.message).toMatch(/try again/i);
    expect(live.headers.get("retry-after")).toBe("15");

    // Crashed on a machine we cannot ask (the owner record names another host): the lock stays behind and, until it
    // is stale, still a 503 (before: a 500 INTERNAL).
    held.child.kill("SIGKILL");
    await held.exited;
    writeFileSync(`${dir}.lock.owner`, JSON.stringify({ pid: 1, host: "another-machine" }));
    const stale = await api("GET", "/api/health");
    expect(stale.status).toBe(503);
    expect(stale.json.error.code).toBe("UNAVAILABLE");
    expect(stale.headers.get("retry-after")).toBe("15");

    // Once stale, the lock is taken over and requests are served (polled: no fixed sleep).
    let health = stale;
    for (let i = 0; i < 60 && health.status !== 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      health = await api("GET", "/api/health", { token: process.env.HEALTH_TOKEN });
    }
    expect(health.status).toBe(200);
    expect(health.json.data.database.adapter).toBe("pglite");
    const served = await api("GET", "/api/v1/workspaces", { token: "tid_" + "a".repeat(40) });
    expect(served.status).toBe(401); // an unknown token, answered by the database this time
  }, 180_000);

  it("takes over at once the lock of a process on this machine that died", async () => {
    const { closeDb } = await import("@/lib/data/db/client");
    await closeDb();
    const held = await holdDatabase();
    holder = held.child;
    const live = await api("GET", "/api/v1/workspaces", { token: "tid_" + "a".repeat(40) });
    expect(live.status).toBe(503);

    held.child.kill("SIGKILL");
    await held.exited;
    // No waiting for staleness: the very next request is served by the database.
    const served = await api("GET", "/api/v1/workspaces", { token: "tid_" + "a".repeat(40) });
    expect(served.status).toBe(401);
  }, 60_000);
});
