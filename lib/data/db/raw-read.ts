// Raw reads that skip Prisma's query engine. A `$queryRaw` goes through the engine's request, interpreter and result
// layers, which cost more CPU than the driver's own work: ~250 µs for a page of 25 posts, about a fifth of a warm
// API read (docs/decisions/0018). `queryRows` sends the same statement straight to the driver adapter Prisma's client
// uses (so the same pool or PGlite connection, statement counting, timeouts and "database unavailable" answers), and
// turns the rows into objects the way `$queryRaw` does. Inside a transaction it is `$queryRaw`: the transaction's
// statements must go through its own connection. A write outside a transaction is one autocommitted statement like a
// read, and the hottest one (a post, its follow and its outbox row, RETURNING the post) goes the same way.
import "server-only";
import { ColumnTypeEnum, type ArgType, type ColumnType, type SqlResultSet } from "@prisma/driver-adapter-utils";
import { markDatabaseAnswering } from "@/lib/availability";
import type { Prisma } from "../generated/prisma/client";
import { asUnavailable, sharedDriverOf, type DbOrTx } from "./client";

/** Rows of `query` as objects keyed by column name, valued as `$queryRaw` values them. */
export async function queryRows<T>(db: DbOrTx, query: Prisma.Sql): Promise<T[]> {
  const driver = await sharedDriverOf(db);
  if (!driver) return db.$queryRaw<T[]>(query);
  let result: SqlResultSet;
  try {
    result = await driver.queryRaw({ sql: query.text, args: query.values, argTypes: query.values.map(argType) });
  } catch (error) {
    throw asUnavailable(error, { operation: "queryRows" });
  }
  markDatabaseAnswering();
  return toObjects<T>(result);
}

/**
 * How the adapters treat a parameter: a Date, a byte array or a list is recognised by its value (and converted), a
 * scalar type matters only for a string meant as a date or as base64 bytes, which no caller sends.
 */
const argType = (value: unknown): ArgType => ({
  scalarType: "unknown",
  arity: Array.isArray(value) ? "list" : "scalar",
});

type Convert = (value: unknown) => unknown;
const same: Convert = (value) => value;

/**
 * `$queryRaw`'s value for each column type the adapters report (Prisma's client engine: int4 as a number, int8 as a
 * BigInt, timestamps as Dates, JSON parsed). Types no read here selects are refused, so that a new one is added
 * deliberately, not returned in the adapter's raw form.
 */
const converters: Partial<Record<ColumnType, Convert>> = {
  [ColumnTypeEnum.Int32]: (v) => (typeof v === "string" ? Math.trunc(Number(v)) : v),
  [ColumnTypeEnum.Int64]: (v) => (typeof v === "bigint" ? v : BigInt(v as string | number)),
  [ColumnTypeEnum.Float]: (v) => (typeof v === "string" ? Number(v) : v),
  [ColumnTypeEnum.Double]: (v) => (typeof v === "string" ? Number(v) : v),
  [ColumnTypeEnum.Boolean]: (v) => (typeof v === "string" ? v === "true" || v === "1" : v),
  [ColumnTypeEnum.Character]: same,
  [ColumnTypeEnum.Text]: same,
  [ColumnTypeEnum.Enum]: same,
  [ColumnTypeEnum.Uuid]: same,
  [ColumnTypeEnum.DateTime]: (v) => new Date(v as string),
  [ColumnTypeEnum.Date]: (v) => new Date(v as string),
  [ColumnTypeEnum.Json]: (v) => (typeof v === "string" ? (JSON.parse(v) as unknown) : v),
  [ColumnTypeEnum.TextArray]: same,
};

function toObjects<T>({ columnNames, columnTypes, rows }: SqlResultSet): T[] {
  const convert = columnTypes.map((type, i) => {
    const converter = converters[type];
    if (!converter) throw new Error(`queryRows: column "${columnNames[i]}" has a type it does not read (${type})`);
    return converter;
  });
  const out: T[] = [];
  for (const row of rows) {
    const object: Record<string, unknown> = {};
    for (let i = 0; i < columnNames.length; i++) {
      const value: unknown = row[i];
      object[columnNames[i] as string] = value === null ? null : (convert[i] as Convert)(value);
    }
    out.push(object as T);
  }
  return out;
}
