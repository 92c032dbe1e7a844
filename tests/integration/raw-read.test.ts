// queryRows (lib/data/db/raw-read.ts) sends a statement straight to the driver adapter instead of through Prisma's query
// engine: its rows must be what `$queryRaw` returns for the same statement, value for value, on this database, inside a
// transaction too; its statement must be counted; a type it does not read must be refused, not passed through raw.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/data/generated/prisma/client";
import { getDb } from "@/lib/data/db/client";
import { queryRows } from "@/lib/data/db/raw-read";
import { countStatements } from "@/lib/request-context";
import { createWorkspaceWithOwner } from "../factories";
import { api } from "../support/api";

const at = new Date("2026-11-24T09:30:00.123Z");

// Every column type the app's raw reads select, parameters of each kind, and nulls.
const everyType = (ids: string[]) => Prisma.sql`SELECT
    'text'::text AS "text", 7::int AS "int4", 9007199254740993::bigint AS "int8", 2.5::float8 AS "float8",
    true AS "bool", ${at}::timestamp(3) AS "timestamp", NULL::timestamp(3) AS "noTimestamp",
    '2026-11-24'::date AS "date", '{"a":[1,"b"]}'::jsonb AS "json", ARRAY['x', 'y']::text[] AS "texts",
    'ADMIN'::"Role" AS "enum", ${"param"} AS "param", ${42} AS "intParam", cardinality(${ids}::text[]) AS "listParam",
    ${at}::timestamp(3) = ${at}::timestamp(3) AS "dateParam"`;

describe("queryRows", () => {
  it("returns what $queryRaw returns, outside and inside a transaction", async () => {
    const db = await getDb();
    const query = everyType(["a", "b", "c"]);
    const expected = await db.$queryRaw<Record<string, unknown>[]>(query);
    const direct = await queryRows<Record<string, unknown>>(db, query);
    expect(direct).toEqual(expected);
    expect(direct[0]).toMatchObject({ int8: 9007199254740993n, timestamp: at, noTimestamp: null, listParam: 3 });
    const inTransaction = await db.$transaction((tx) => queryRows<Record<string, unknown>>(tx, query));
    expect(inTransaction).toEqual(expected);
  });

  it("reads the app's rows the same way: a channel's posts with their authors", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const posted = await api("POST", `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`, {
      cookie,
      body: { title: "Raw", body: "read" },
    });
    expect(posted.status).toBe(201);
    const db = await getDb();
    const query = Prisma.sql`SELECT p."id", p."title", p."createdAt", p."editedAt", p."deletedAt", u."name" AS "authorName",
        c."kind" AS "kind", c."archivedAt" IS NULL AS "active"
      FROM "Post" p JOIN "User" u ON u."id" = p."authorId" JOIN "Channel" c ON c."id" = p."channelId"
      WHERE c."workspaceId" = ${workspace.id} AND c."id" = ${general.id} AND p."createdAt" < ${new Date()}`;
    const rows = await queryRows(db, query);
    expect(rows).toHaveLength(1);
    expect(rows).toEqual(await db.$queryRaw(query));
  });

  it("sends one counted statement", async () => {
    const db = await getDb();
    const { statements } = await countStatements(() => queryRows(db, Prisma.sql`SELECT 1::int AS "one"`));
    expect(statements).toBe(1);
  });

  it("refuses a column type it does not read", async () => {
    const db = await getDb();
    await expect(queryRows(db, Prisma.sql`SELECT 1.5::numeric AS "amount"`)).rejects.toThrow(
      /column "amount" has a type it does not read/,
    );
  });
});
