// The prepared-statement cache of the embedded database, through pglite-prisma-adapter as the app uses it: every
// result must be exactly what the adapter returns over PGlite's own query() (the same instance, unwrapped).
import { PGlite } from "@electric-sql/pglite";
import type { SqlDriverAdapter } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { everythingTable, insert, q, select } from "@/tests/support/pglite-everything";
import { withPreparedStatements } from "./pglite-prepared";

let client: PGlite;
let plain: SqlDriverAdapter;
let prepared: SqlDriverAdapter;

const connect = (c: PGlite) => new PrismaPGlite(c).connect();
/** The statements prepared in the session, read with PGlite's own (unnamed) query. */
const preparedTexts = async () =>
  (await client.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements`)).rows.map(
    (r) => r.statement,
  );

beforeAll(async () => {
  client = new PGlite();
  await client.exec(everythingTable);
  plain = await connect(client);
  prepared = await connect(withPreparedStatements(client));
});

afterAll(async () => {
  await client.close();
});

describe("withPreparedStatements", () => {
  it("binds and returns every type exactly as PGlite's own query does, prepared once per SQL text", async () => {
    expect(await plain.executeRaw(insert("a"))).toBe(1);
    expect(await prepared.executeRaw(insert("b"))).toBe(1);
    expect(await prepared.executeRaw(insert("c"))).toBe(1); // the cached statement, bound again

    const viaQuery = await plain.queryRaw(select(["a"]));
    expect(viaQuery.rows).toHaveLength(1);
    expect(viaQuery.rows[0]).toContain("Ünïcode ✓");
    for (const ids of [["a"], ["b"], ["c"]]) {
      // The same row written through either path reads back the same through either path, first and cached.
      expect(await prepared.queryRaw(select(ids))).toStrictEqual(viaQuery);
      expect(await prepared.queryRaw(select(ids))).toStrictEqual(viaQuery);
      expect(await plain.queryRaw(select(ids))).toStrictEqual(viaQuery);
    }
    const texts = await preparedTexts();
    expect(texts.filter((t) => t === insert("x").sql)).toHaveLength(1);
    expect(texts.filter((t) => t === select([]).sql)).toHaveLength(1);
  });

  it("keeps at most its bound of statements, closing the least recently used, and prepares an evicted one again", async () => {
    const small = await connect(withPreparedStatements(client, 5));
    const sql = (n: number) => `SELECT $1::int + ${n} AS "sum" -- bound test`;
    const ask = async (n: number) => (await small.queryRaw(q(sql(n), [1]))).rows;
    for (let n = 0; n < 12; n++) expect(await ask(n)).toEqual([[n + 1]]);
    expect(await ask(7)).toEqual([[8]]); // the oldest of the five kept, now the most recently used
    expect(await ask(0)).toEqual([[1]]); // evicted long ago: prepared again, evicting 8 (not 7)
    const mine = (await preparedTexts()).filter((t) => t.endsWith("-- bound test"));
    // The five most recently used, and the one evicted last (closed as the next new statement is prepared).
    expect(new Set(mine)).toEqual(new Set([9, 10, 11, 7, 0, 8].map(sql)));
    expect(await ask(12)).toEqual([[13]]);
    const after = (await preparedTexts()).filter((t) => t.endsWith("-- bound test"));
    expect(new Set(after)).toEqual(new Set([10, 11, 7, 0, 12, 9].map(sql)));
  });

  it("runs inside a transaction, and a rollback undoes the rows but keeps the statement", async () => {
    const insertD = insert("d");
    const tx = await prepared.startTransaction();
    expect(await tx.executeRaw(insertD)).toBe(1);
    expect((await tx.queryRaw(select(["d"]))).rows).toHaveLength(1);
    await tx.rollback();
    expect((await prepared.queryRaw(select(["d"]))).rows).toHaveLength(0);

    const fresh = q(`SELECT count(*)::int AS "n" FROM "Everything" WHERE "id" = $1 -- born in a transaction`, ["d"]);
    const tx2 = await prepared.startTransaction();
    expect(await tx2.executeRaw(insertD)).toBe(1);
    expect((await tx2.queryRaw(fresh)).rows).toEqual([[1]]);
    await tx2.rollback();
    expect((await preparedTexts()).filter((t) => t === fresh.sql)).toHaveLength(1);
    expect((await prepared.queryRaw(fresh)).rows).toEqual([[0]]);
  });

  it("makes a statement outside a transaction wait until the transaction ends", async () => {
    const count = q(`SELECT count(*)::int AS "n" FROM "Everything" WHERE "id" = $1`, ["e"]);
    const tx = await prepared.startTransaction();
    await tx.executeRaw(insert("e"));
    const outside = prepared.queryRaw(count); // must not run on the transaction's connection while it is open
    await new Promise((resolve) => setImmediate(resolve));
    await tx.rollback();
    expect((await outside).rows).toEqual([[0]]);
  });

  it("prepares a statement again when it was deallocated or the schema changed its result", async () => {
    const everything = q(`SELECT * FROM "Everything" WHERE "id" = $1 -- whole rows`, ["a"]);
    const before = await prepared.queryRaw(everything);
    await client.exec(`DEALLOCATE ALL`);
    expect(await prepared.queryRaw(everything)).toStrictEqual(before);
    await client.exec(`ALTER TABLE "Everything" ADD COLUMN "extra" text DEFAULT 'x'`);
    try {
      const after = await prepared.queryRaw(everything);
      expect(after.columnNames).toEqual([...before.columnNames, "extra"]);
      expect(after).toStrictEqual(await plain.queryRaw(everything));
    } finally {
      await client.exec(`ALTER TABLE "Everything" DROP COLUMN "extra"`);
    }
  });

  it("maps errors as the adapter does, and an error does not poison the next call", async () => {
    const duplicate = await prepared.executeRaw(insert("b")).catch((e: unknown) => e);
    const reference = await plain.executeRaw(insert("b")).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ cause: { kind: "UniqueConstraintViolation" } });
    expect((duplicate as { cause: unknown }).cause).toStrictEqual((reference as { cause: unknown }).cause);
    expect(await prepared.executeRaw(insert("f"))).toBe(1); // the same statement, other values

    const bad = q(`SELECT "nope" FROM "Everything" WHERE "id" = $1`, ["f"]);
    for (let i = 0; i < 2; i++) {
      await expect(prepared.queryRaw(bad)).rejects.toMatchObject({ cause: { kind: "ColumnNotFound" } });
    }
    expect(await preparedTexts()).not.toContain(bad.sql);
    expect((await prepared.queryRaw(select(["f"]))).rows).toHaveLength(1);

    // An error inside a transaction aborts it as before; after the rollback the statements work again.
    const tx = await prepared.startTransaction();
    await expect(tx.executeRaw(insert("b"))).rejects.toMatchObject({ cause: { kind: "UniqueConstraintViolation" } });
    await expect(tx.queryRaw(select(["f"]))).rejects.toMatchObject({ cause: { originalCode: "25P02" } });
    await tx.rollback();
    expect((await prepared.queryRaw(select(["f"]))).rows).toHaveLength(1);
  });
});
