// `npm run audit:verify [workspaceId]` as an operator runs it: a separate process on the same database (this file's
// PostgreSQL database, or an embedded one in a directory of its own), reading its exit code and report.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditHash, GENESIS_HASH } from "@/lib/domain/audit/chain";

type Sql = { query(sql: string, params?: unknown[]): Promise<unknown>; close(): Promise<void> };

const postgresUrl = process.env.DATABASE_URL;
const dataDir = postgresUrl ? undefined : mkdtempSync(path.join(tmpdir(), "tidings-audit-verify-"));
const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "warn" };
if (dataDir) {
  delete env.DATABASE_URL;
  env.PGLITE_DATA_DIR = dataDir;
}

function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/audit-verify.ts", ...args],
      { env, timeout: 120_000 },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    );
  });
}

/** Direct SQL on the database the command reads (the embedded one only while no command runs: one opener at a time). */
async function sql(): Promise<Sql> {
  if (postgresUrl) {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    return { query: (q, p) => client.query(q, p), close: () => client.end() };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const db = new PGlite(dataDir);
  return { query: (q, p) => db.query(q, p), close: () => db.close() };
}

const workspaceId = `ws${randomBytes(8).toString("hex")}`;

beforeAll(async () => {
  // The embedded directory starts empty: the command creates and migrates it, with nothing to verify yet.
  if (dataDir) {
    const first = await verify();
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/No audit rows yet/) });
  }
  const db = await sql();
  try {
    await db.query(`INSERT INTO "Workspace" (id, name, slug) VALUES ($1, 'Verify', $1)`, [workspaceId]);
    let prevHash = GENESIS_HASH;
    for (const seq of [1, 2, 3]) {
      const row = {
        workspaceId,
        seq,
        actorId: "u1",
        actorKind: "person",
        actorTokenId: null,
        action: "channel.created",
        targetType: "channel",
        targetId: `c${seq}`,
        before: null,
        after: { name: `c${seq}`, kind: "PUBLIC" },
        requestId: `r${seq}`,
        clientAddress: "203.0.113.9",
        createdAt: new Date(Date.UTC(2026, 11, 2, 6, 0, seq)),
        prevHash,
      };
      prevHash = auditHash(row);
      await db.query(
        `INSERT INTO "AuditEvent" (id, "workspaceId", seq, "actorId", "actorKind", action, "targetType", "targetId", after,
           "requestId", "clientAddress", "createdAt", "prevHash", hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          `${workspaceId}e${seq}`,
          workspaceId,
          seq,
          row.actorId,
          row.actorKind,
          row.action,
          row.targetType,
          row.targetId,
          JSON.stringify(row.after),
          row.requestId,
          row.clientAddress,
          row.createdAt,
          row.prevHash,
          prevHash,
        ],
      );
    }
  } finally {
    await db.close();
  }
}, 180_000);

afterAll(() => {
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("npm run audit:verify", () => {
  it("exits 0 for an intact chain, naming its length and head", async () => {
    const res = await verify(workspaceId);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(new RegExp(`ok +workspace ${workspaceId}: 3 rows, head [0-9a-f]{64}`));
  }, 120_000);

  it("exits 2 for a workspace that does not exist, and for bad usage", async () => {
    const unknown = await verify("nosuchworkspace");
    expect([unknown.code, unknown.stderr]).toEqual([2, expect.stringMatching(/No workspace nosuchworkspace/)]);
    expect((await verify("a", "b")).code).toBe(2);
  }, 120_000);

  it("exits 1 and names the first broken row once a row is changed in SQL", async () => {
    const db = await sql();
    try {
      await db.query(`UPDATE "AuditEvent" SET "clientAddress" = '198.51.100.1' WHERE id = $1`, [`${workspaceId}e2`]);
    } finally {
      await db.close();
    }
    const res = await verify(workspaceId);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(new RegExp(`BROKEN +workspace ${workspaceId}: row seq 2 \\(id ${workspaceId}e2\\)`));
    expect(res.stderr).toMatch(/hash does not match its contents/);
    // Without an argument every workspace is checked, and one broken chain fails the run.
    expect((await verify()).code).toBe(1);
  }, 120_000);
});
