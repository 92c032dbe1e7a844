import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { EmbeddedDatabaseLockedError, lockDataDir } from "@/lib/data/db/embedded-lock";

const root = mkdtempSync(path.join(tmpdir(), "tidings-lock-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  rmSync(root, { recursive: true, force: true });
});

/** Runs tests/support/hold-embedded-db.ts on `dir`; resolves with its verdict line ("ready" or "failed: …"), what it printed before, and the process. */
function opener(
  dir: string,
): Promise<{ line: string; out: string; child: ChildProcess; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/hold-embedded-db.ts"], {
    env: { ...process.env, PGLITE_DATA_DIR: dir, DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let out = "";
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n").find((l) => l.startsWith("ready") || l.startsWith("failed"));
      if (line) resolve({ line, out, child, exited });
    });
    void exited.then((code) => reject(new Error(`opener exited (${code}) without a verdict:\n${out}\n${err}`)));
  });
}

async function lockError(dir: string): Promise<unknown> {
  try {
    const release = await lockDataDir(dir);
    await release();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe("embedded database lock", () => {
  it("a second opener in the same process fails with a clear error; after release it can open", async () => {
    const dir = path.join(root, "same-process");
    const release = await lockDataDir(dir);
    const error = await lockError(dir);
    expect(error).toBeInstanceOf(EmbeddedDatabaseLockedError);
    expect((error as Error).name).toBe("EmbeddedDatabaseLockedError");
    expect((error as Error).message).toContain(path.resolve(dir));
    expect((error as Error).message).toMatch(/already open/);
    expect((error as Error).message).toMatch(/PGLITE_DATA_DIR/);

    await release();
    const again = await lockDataDir(dir);
    await again();
  });

  it("another process holding the database locks this one out until it exits", async () => {
    const dir = path.join(root, "other-process");
    const holder = await opener(dir);
    expect(holder.line).toBe("ready");
    expect(holder.out).toMatch(/applied \d+ migration/);

    const error = await lockError(dir);
    expect(error).toBeInstanceOf(EmbeddedDatabaseLockedError);
    expect((error as Error).message).toContain(path.resolve(dir));

    // A third process, opening the database as the app does, is refused too and says why.
    const third = await opener(dir);
    expect(third.line).toMatch(/^failed: DatabaseUnavailableError: The embedded database at .* is already open/);
    expect(await third.exited).toBe(1);

    holder.child.kill("SIGTERM");
    expect(await holder.exited).toBe(0);
    const release = await lockDataDir(dir);
    await release();

    // …and the data survived: a new process opens the same directory (no migrations to apply, no error).
    const next = await opener(dir);
    expect(next.line).toBe("ready");
    expect(next.out).not.toMatch(/applied/);
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);
  }, 120_000);

  it("a lock whose owner died on this machine is taken over; a live owner's or another machine's is not", async () => {
    const dir = path.join(root, "dead-owner");
    const holder = await opener(dir);
    expect(holder.line).toBe("ready");
    const owner = JSON.parse(readFileSync(`${dir}.lock.owner`, "utf8")) as { pid: number; host: string };
    expect(owner).toEqual({ pid: holder.child.pid, host: hostname() });
    expect(await lockError(dir)).toBeInstanceOf(EmbeddedDatabaseLockedError); // alive: refused

    holder.child.kill("SIGKILL");
    await holder.exited;
    const release = await lockDataDir(dir); // dead: taken over without waiting 15 s
    expect(JSON.parse(readFileSync(`${dir}.lock.owner`, "utf8"))).toEqual({ pid: process.pid, host: hostname() });
    await release();
    expect(existsSync(`${dir}.lock.owner`)).toBe(false);

    // The same dead pid recorded by another machine: it cannot be asked, so the lock holds until it is stale.
    const other = await opener(dir);
    other.child.kill("SIGKILL");
    await other.exited;
    writeFileSync(`${dir}.lock.owner`, JSON.stringify({ pid: other.child.pid, host: "another-machine" }));
    expect(await lockError(dir)).toBeInstanceOf(EmbeddedDatabaseLockedError);
  }, 60_000);

  it("does not lock out a different directory", async () => {
    const a = await lockDataDir(path.join(root, "a"));
    const b = await lockDataDir(path.join(root, "b"));
    await a();
    await b();
  });
});
