// The embedded database in its worker thread, through pglite-prisma-adapter as the app uses it: every result must be
// exactly what the adapter returns over an in-process PGlite; transactions, errors and the worker's death must behave
// as they do in-process (or, for the death, as an unavailable database).
import { messages, PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseUnavailableReason } from "@/lib/errors";
import { everythingTable, insert, q, select } from "@/tests/support/pglite-everything";
import { PrismaClient } from "../generated/prisma/client";
import { withPreparedStatements } from "./pglite-prepared";
import { EmbeddedDatabaseGoneError, startPgliteThread, type PgliteThread } from "./pglite-thread";

// The worker's database holds the app's schema (it migrates on opening): the fixture gets a schema of its own.
const fixture = `CREATE SCHEMA "fixture"; SET search_path TO "fixture"; ${everythingTable}`;

let local: PGlite;
let inProcess: SqlDriverAdapter;
let thread: PgliteThread;
let threaded: SqlDriverAdapter;

beforeAll(async () => {
  local = new PGlite();
  await local.exec(fixture);
  inProcess = await new PrismaPGlite(withPreparedStatements(local)).connect();
  thread = await startPgliteThread({ dir: "memory://", idleInTransactionMs: 1_000 });
  await thread.client.exec(fixture);
  threaded = await new PrismaPGlite(thread.client).connect();
}, 60_000);

afterAll(async () => {
  await local.close();
  await thread.close();
});

const insertId = `INSERT INTO "Everything" ("id") VALUES ($1)`;
const count = async (adapter: SqlDriverAdapter, id: string) =>
  (await adapter.queryRaw(q(`SELECT count(*)::int AS "n" FROM "Everything" WHERE "id" = $1`, [id]))).rows[0]?.[0];

describe("the embedded database's worker thread", () => {
  it("migrated the app's schema on opening", () => {
    expect(thread.applied.length).toBeGreaterThan(0);
  });

  it("returns every type exactly as the in-process database does, prepared and cached alike", async () => {
    for (const id of ["a", "b"]) {
      expect(await threaded.executeRaw(insert(id))).toBe(await inProcess.executeRaw(insert(id)));
    }
    for (let i = 0; i < 2; i++) {
      const expected = await inProcess.queryRaw(select(["a", "b"]));
      expect(expected.rows).toHaveLength(2);
      expect(await threaded.queryRaw(select(["a", "b"]))).toStrictEqual(expected);
    }
    // PGlite's own result objects too (rows as objects, fields, affectedRows) with its default parsers: bigint, Date,
    // Uint8Array, JSON, arrays. (Not the enum columns: their type ids differ, the worker's database holding the app's.)
    const sql = `SELECT "id", "int", "big", "float", "num", "flag", "at", "atz", "day", "time", "doc", "raw", "bytes",
      "tags", "ints", "uid", "ats", "nothing" FROM "Everything" WHERE "id" = $1`;
    expect(await thread.client.query(sql, ["a"])).toStrictEqual(await local.query(sql, ["a"]));
    const update = `UPDATE "Everything" SET "name" = 'x' WHERE "id" = ANY($1)`;
    expect(await thread.client.query(update, [["a", "b"]])).toStrictEqual(await local.query(update, [["a", "b"]]));
    expect(await thread.client.exec(`SELECT 1 AS one; SELECT now() > '2000-01-01' AS later`)).toStrictEqual(
      await local.exec(`SELECT 1 AS one; SELECT now() > '2000-01-01' AS later`),
    );
  });

  it("keeps a database error's class and fields, so the adapter maps it as before", async () => {
    const remote = await thread.client.query(insertId, ["a"]).catch((e: unknown) => e);
    const reference = await local.query(insertId, ["a"]).catch((e: unknown) => e);
    expect(remote).toBeInstanceOf(messages.DatabaseError);
    const fields = (e: unknown) => {
      const { code, message, detail, constraint, table, schema, severity, query, params } = e as Record<
        string,
        unknown
      >;
      return { code, message, detail, constraint, table, schema, severity, query, params };
    };
    expect(fields(remote)).toStrictEqual(fields(reference));
    expect(fields(remote)).toMatchObject({ code: "23505", constraint: "Everything_pkey" });

    const viaAdapter = await threaded.executeRaw(insert("a")).catch((e: unknown) => e);
    const viaInProcess = await inProcess.executeRaw(insert("a")).catch((e: unknown) => e);
    expect(viaAdapter).toMatchObject({ cause: { kind: "UniqueConstraintViolation" } });
    expect((viaAdapter as { cause: unknown }).cause).toStrictEqual((viaInProcess as { cause: unknown }).cause);
    expect(await count(threaded, "a")).toBe(1); // and the next call works
  });

  it("commits a transaction when its callback returns, rolls it back when the callback throws", async () => {
    await thread.client.transaction(async (tx) => {
      await tx.query(insertId, ["c"]);
    });
    expect(await count(threaded, "c")).toBe(1);

    const boom = new Error("boom");
    await expect(
      thread.client.transaction(async (tx) => {
        await tx.query(insertId, ["d"]);
        expect((await tx.query(`SELECT count(*)::int AS n FROM "Everything" WHERE id = 'd'`)).rows).toEqual([{ n: 1 }]);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await count(threaded, "d")).toBe(0);

    // The adapter's own path: startTransaction, then rollback() (which it does not await) or commit().
    const tx = await threaded.startTransaction();
    await tx.executeRaw(insert("e"));
    await tx.rollback();
    expect(await count(threaded, "e")).toBe(0);
    const tx2 = await threaded.startTransaction();
    await tx2.executeRaw(insert("e"));
    await tx2.commit();
    expect(await count(threaded, "e")).toBe(1);
  });

  it("runs concurrent transactions one after the other, and a statement outside waits for the open one", async () => {
    const order: string[] = [];
    let letFirstFinish!: () => void;
    const gate = new Promise<void>((resolve) => (letFirstFinish = resolve));
    const first = thread.client.transaction(async (tx) => {
      order.push("first begins");
      await tx.query(insertId, ["f"]);
      await gate;
      order.push("first ends");
    });
    const second = thread.client.transaction(async (tx) => {
      order.push("second begins");
      const seen = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Everything"`);
      order.push(`second sees ${String(seen.rows[0]?.n)}`);
    });
    const outside = count(threaded, "f").then((n) => order.push(`outside sees ${String(n)}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual(["first begins"]);
    letFirstFinish();
    await Promise.all([first, second, outside]);
    expect(order.slice(0, 2)).toEqual(["first begins", "first ends"]);
    expect(order).toContain("outside sees 1");
    expect(order).toContain("second begins");
  });

  it("rolls back a transaction its caller abandoned, freeing the database for everyone else", async () => {
    let rest!: (tx: { query(sql: string): Promise<unknown> }) => void;
    const abandoned = new Promise<{ query(sql: string): Promise<unknown> }>((resolve) => (rest = resolve));
    void thread.client.transaction(async (tx) => {
      await tx.query(insertId, ["g"]);
      rest(tx);
      await new Promise(() => {}); // never settles
    });
    const tx = await abandoned;
    const started = Date.now();
    expect(await count(threaded, "g")).toBe(0); // waited for the idle rollback (1 s here), not forever
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    await expect(tx.query(`SELECT 1`)).rejects.toThrow(/Transaction is closed: rolled back after 1000 ms/);
  });
});

describe("the worker's death", () => {
  it("fails waiting and later calls at once, as an unavailable database, and close() still settles", async () => {
    const doomed = await startPgliteThread({ dir: "memory://", idleInTransactionMs: 1_000 });
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(doomed.client) });
    expect(await prisma.user.count()).toBe(0);
    const waiting = doomed.client.query(`SELECT pg_sleep(0.5)`).catch((e: unknown) => e);
    await doomed.terminate();
    expect(await waiting).toBeInstanceOf(EmbeddedDatabaseGoneError);

    const started = Date.now();
    const error = await prisma.user.count().catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(500);
    expect(databaseUnavailableReason(error)).toMatch(/worker exited/);
    await expect(doomed.client.transaction(() => Promise.resolve())).rejects.toBeInstanceOf(EmbeddedDatabaseGoneError);
    await doomed.close();
    await prisma.$disconnect();
  }, 60_000);
});
