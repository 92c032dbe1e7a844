// A table with a column of every type the app stores, and one row's values as Prisma hands them to the adapter: the
// fixture that compares the embedded database's paths (lib/data/db/pglite-prepared.test.ts, pglite-thread.test.ts).
import type { ArgType, SqlQuery } from "@prisma/driver-adapter-utils";

export const q = (sql: string, args: unknown[] = [], argTypes?: ArgType[]): SqlQuery => ({
  sql,
  args,
  argTypes: argTypes ?? args.map(() => ({ scalarType: "unknown", arity: "scalar" })),
});

export const everythingTable = `
    CREATE TYPE "Role" AS ENUM ('OWNER', 'MEMBER');
    CREATE TABLE "Everything" (
      "id" text PRIMARY KEY, "name" varchar(20), "int" integer, "big" bigint, "float" double precision,
      "num" numeric(10, 2), "flag" boolean, "at" timestamp(3), "atz" timestamptz(3), "day" date, "time" time(3),
      "doc" jsonb, "raw" json, "bytes" bytea, "tags" text[], "ints" integer[], "uid" uuid, "role" "Role",
      "roles" "Role"[], "ats" timestamp(3)[], "nothing" text
    );`;

// One row's values as Prisma hands them to the adapter, with their argument types.
export const values: [unknown, ArgType][] = [
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
export const columns = `"name", "int", "big", "float", "num", "flag", "at", "atz", "day", "time", "doc", "raw", "bytes", "tags",
  "ints", "uid", "role", "ats", "nothing"`;
// PGlite has no serializer for an enum array parameter (it fails alike either way): that column is written literally.
export const insert = (id: string) =>
  q(
    `INSERT INTO "Everything" ("id", "roles", ${columns})
      VALUES ($1, ARRAY['MEMBER', 'OWNER']::"Role"[], ${values.map((_, i) => `$${i + 2}`).join(", ")})`,
    [id, ...values.map(([v]) => v)],
    [{ scalarType: "string", arity: "scalar" }, ...values.map(([, t]) => t)],
  );
export const select = (ids: string[]) =>
  q(
    `SELECT ${columns}, "roles", "int"::int8 AS "asBig", "roles"::text[] AS "roleTexts" FROM "Everything" WHERE "id" = ANY($1)
    ORDER BY "id"`,
    [ids],
    [{ scalarType: "string", arity: "list" }],
  );
