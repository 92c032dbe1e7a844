// The prepared-statement cache of the embedded database, through pglite-prisma-adapter as the app uses it: every
// result must be exactly what the adapter returns over PGlite's own query() (the same instance, unwrapped).
import { PGlite } from "@electric-sql/pglite";
import type { ArgType, SqlDriverAdapter, SqlQuery } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withPreparedStatements } from "./pglite-prepared";

let client: PGlite;
let plain: SqlDriverAdapter;
let prepared: SqlDriverAdapter;

const connect = (c: PGlite) => new PrismaPGlite(c).connect();
const q = (sql: string, args: unknown[] = [], argTypes?: ArgType[]): SqlQuery => ({
  sql,
  args,
  argTypes: argTypes ?? args.map(() => ({ scalarType: "unknown", arity: "scalar" })),
});
/** The statements prepared in the session, read with PGlite's own (unnamed) query. */
const preparedTexts = async () =>
  (await client.query<{ statement: string }>(`SELECT statement FROM pg_prepared_statements`)).rows.map(
    (r) => r.statement,
  );

beforeAll(async () => {
  client = new PGlite();
  await client.exec(`
    CREATE TYPE "Role" AS ENUM ('OWNER', 'MEMBER');
    CREATE TABLE "Everything" (
      "id" text PRIMARY KEY, "name" varchar(20), "int" integer, "big" bigint, "float" double precision,
      "num" numeric(10, 2), "flag" boolean, "at" timestamp(3), "atz" timestamptz(3), "day" date, "time" time(3),
      "doc" jsonb, "raw" json, "bytes" bytea, "tags" text[], "ints" integer[], "uid" uuid, "role" "Role",
      "roles" "Role"[], "ats" timestamp(3)[], "nothing" text
    );`);
  plain = await connect(client);
  prepared = await connect(withPreparedStatements(client));
});

afterAll(async () => {
  await client.close();
});

// One row's values as Prisma hands them to the adapter, with their argument types.
const values: [unknown, ArgType][] = [
  ["Ünïcode ✓", { scalarType: "string", arity: "scalar" }],
  [42, { scalarType: "int", arity: "scalar" }],
  ["9007199254740993", { scalarType: "bigint", arity: "scalar" }],
  [1.5, { scalarType: "float", arity: "scalar" }],
  ["12.34", { scalarType: "decimal", arity: "scalar" }],
  [true, { scalarType: "boolean", arity: "scalar" }],
  ["2024-05-06T07:08:09.123Z", { scalarType: "datetime", dbType: "TIMESTAMP", arity: "scalar" }],
  ["2024-05-06T07:08:09.000Z", { scalarType: "datetime", dbType: "TIMESTAMPTZ", arity: "scalar" }],
  ["2024-05-06T00:00:00.000Z", { scalarType: "datetime", dbType: "DATE", arity: "scalar" }],
  ["1970-01-01T07:08:09.120Z", { scalarType: "datetime", dbType: "TIME", arity: "scalar" }],
  ['{"a":[1,"two",null],"b":{"c":true}}', { scalarType: "json", arity: "scalar" }],
  ['{"raw": 1}', { scalarType: "json", arity: "scalar" }],
  [Buffer.from([0, 1, 254, 255]).toString("base64"), { scalarType: "bytes", arity: "scalar" }],
  [["a", "b,c", 'd"e', ""], { scalarType: "string", arity: "list" }],
  [[1, -2, 3], { scalarType: "int", arity: "list" }],
  ["1b4e28ba-2fa1-11d2-883f-0016d3cca427", { scalarType: "uuid", arity: "scalar" }],
  ["OWNER", { scalarType: "enum", dbType: "Role", arity: "scalar" }],
  [["2024-01-02T03:04:05.006Z"], { scalarType: "datetime", arity: "list" }],
  [null, { scalarType: "string", arity: "scalar" }],
];
const columns = `"name", "int", "big", "float", "num", "flag", "at", "atz", "day", "time", "doc", "raw", "bytes", "tags",
  "ints", "uid", "role", "ats", "nothing"`;
// PGlite has no serializer for an enum array parameter (it fails alike either way): that column is written literally.
const insert = (id: string) =>
  q(
    `INSERT INTO "Everything" ("id", "roles", ${columns})
      VALUES ($1, ARRAY['MEMBER', 'OWNER']::"Role"[], ${values.map((_, i) => `$${i + 2}`).join(", ")})`,
    [id, ...values.map(([v]) => v)],
    [{ scalarType: "string", arity: "scalar" }, ...values.map(([, t]) => t)],
  );
const select = (ids: string[]) =>
  q(
    `SELECT ${columns}, "roles", "int"::int8 AS "asBig", "roles"::text[] AS "roleTexts" FROM "Everything" WHERE "id" = ANY($1)
    ORDER BY "id"`,
    [ids],
    [{ scalarType: "string", arity: "list" }],
  );

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
