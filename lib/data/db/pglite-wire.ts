// What the embedded database's worker thread (pglite-worker.ts) and the main thread (pglite-thread.ts) say to each
// other: the messages, errors turned into plain data and back into PGlite's own classes, and the one set of result
// parsers a request may name. Loaded on both sides, so it must run in a plain Node.js context: no `server-only`, no
// path aliases, only erasable TypeScript (the worker runs this file through Node.js' type stripping, not a bundler).
import { messages, TransactionAbortedError } from "@electric-sql/pglite";
import type { ParserOptions, PGlite, QueryOptions, RowMode } from "@electric-sql/pglite";

/** What the worker is started with (workerData). */
export type WorkerConfig = { dir: string; idleInTransactionMs: number };

/**
 * The only parsers a query may ask for are pglite-prisma-adapter's, named rather than sent: functions cannot cross
 * to another thread, and the worker holds the same module's own copy.
 */
export type ParsersName = "prisma-adapter";

/** A statement's options that cross: the row shape, explicit parameter types, and the named parsers. */
export type WireQueryOptions = { rowMode?: RowMode; paramTypes?: number[]; parsers?: ParsersName };

export type Request =
  | { id: number; op: "query"; sql: string; params: unknown[]; options: WireQueryOptions; tx?: number }
  | { id: number; op: "exec"; sql: string; tx?: number }
  | { id: number; op: "begin" }
  | { id: number; op: "commit" | "rollback"; tx: number }
  | { id: number; op: "close" };

/** Drops the id so callers can build a request before it is numbered. */
export type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;

export type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: WireError };

/** The worker's first message: the database is open and migrated, or it could not be. */
export type Started = { started: true; applied: string[] } | { started: false; error: WireError };

/** An error as plain data: which class to rebuild, and its own fields (a DatabaseError's code, detail, constraint…). */
export type WireError = {
  kind: "database" | "aborted" | "error";
  name: string;
  message: string;
  stack?: string;
  fields: Record<string, unknown>;
};

/** The fields a DatabaseError carries besides its message; the query annotations are re-added on the main thread. */
const skipped = new Set(["message", "stack", "queryOptions", "query", "params"]);

export function toWire(error: unknown): WireError {
  if (!(error instanceof Error)) return { kind: "error", name: "Error", message: String(error), fields: {} };
  const kind =
    error instanceof TransactionAbortedError
      ? "aborted"
      : error instanceof messages.DatabaseError
        ? "database"
        : "error";
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (skipped.has(key) || typeof value === "function") continue;
    if (value === null || ["string", "number", "boolean", "undefined"].includes(typeof value)) fields[key] = value;
  }
  return { kind, name: error.name, message: error.message, stack: error.stack, fields };
}

/**
 * The error again, of the class it had in the worker, so pglite-prisma-adapter maps it as before (a unique violation
 * becomes Prisma's P2002). Its stack is the main thread's, where the caller is; the worker's follows it.
 */
export function fromWire(wire: WireError): Error {
  const error: Error =
    wire.kind === "aborted"
      ? new TransactionAbortedError()
      : wire.kind === "database"
        ? new messages.DatabaseError(wire.message, Number(wire.fields.length ?? 0), "error")
        : Object.assign(new Error(wire.message), { name: wire.name });
  Object.assign(error, wire.fields);
  if (wire.stack) error.stack = `${error.stack ?? ""}\n    --- in the embedded database's thread ---\n${wire.stack}`;
  return error;
}

/**
 * pglite-prisma-adapter's result parsers, as it passes them to query() (it does not export them): read off a query
 * sent to a stand-in client. On the main thread they are recognized by identity, in the worker they are applied.
 */
export async function prismaAdapterParsers(): Promise<ParserOptions> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  let seen: QueryOptions | undefined;
  const standIn = {
    query(_sql: string, _params: unknown[], options?: QueryOptions) {
      seen = options;
      return Promise.resolve({ rows: [], fields: [], affectedRows: 0 });
    },
  };
  const adapter = await new PrismaPGlite(standIn as unknown as PGlite).connect();
  await adapter.queryRaw({ sql: "SELECT 1", args: [], argTypes: [] });
  if (!seen?.parsers) throw new Error("pglite-prisma-adapter no longer passes its parsers to query()");
  return seen.parsers;
}
