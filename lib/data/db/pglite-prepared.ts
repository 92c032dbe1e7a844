// pglite-prisma-adapter sends each statement through PGlite's query(): the unnamed statement, parsed and planned anew
// every time, in six calls into the wasm backend. This wraps the PGlite instance the adapter is given so that each SQL
// text runs as a named prepared statement (prepared on first use, kept in a bounded LRU, its Bind, Describe, Execute
// and Sync sent in one call), doing the rest as query() does, with PGlite's own locks, serializers, result parser and
// error object. Protocol-level prepared statements belong to the session: a rollback keeps them. docs/decisions/0015.
// It runs in the embedded database's worker thread (pglite-worker.ts), a plain Node.js context where the
// `server-only` marker would throw, so this module does without it (it is server code all the same).
import { messages, parse, protocol } from "@electric-sql/pglite";
import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";

/** How many statements stay prepared; the least recently used one is closed when a new one would exceed it. */
export const PREPARED_STATEMENTS_MAX = 500;

type Prepared = { name: string; paramTypes: number[] };

const { serialize } = protocol;
let instances = 0;

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** What PGlite's own query() attaches to a database error (the statement, its parameters and options). */
function annotate(error: unknown, sql: string, params: unknown[], options: QueryOptions | undefined): unknown {
  if (error instanceof messages.DatabaseError) Object.assign(error, { query: sql, params, queryOptions: options });
  return error;
}

/**
 * The prepared statement is gone (DEALLOCATE) or its result type changed with the schema: raised by Bind, before
 * anything ran, so the statement can be prepared again and run.
 */
const isStale = (error: unknown) =>
  error instanceof messages.DatabaseError &&
  (error.code === "26000" || (error.code === "0A000" && /cached plan must not change result type/.test(error.message)));

/**
 * The same PGlite instance, whose query() and transactions' query() run each SQL text as a named prepared statement.
 * Options this does not handle (a blob, explicit parameter types) go to PGlite's own query() unchanged.
 */
export function withPreparedStatements(client: PGlite, max = PREPARED_STATEMENTS_MAX): PGlite {
  const prefix = `tidings_${++instances}_`;
  let next = 0;
  // A Map iterates in insertion order: re-inserting on use keeps the least recently used first.
  const cache = new Map<string, Prepared>();
  const toClose: string[] = [];

  /** Runs one statement; the caller holds PGlite's query lock (and, outside a transaction, its transaction lock). */
  async function run<T>(
    sql: string,
    params: unknown[],
    options: QueryOptions | undefined,
    inTransaction: boolean,
    retry = true,
  ): Promise<Results<T>> {
    let statement = cache.get(sql);
    try {
      if (statement) {
        cache.delete(sql);
        cache.set(sql, statement);
      } else {
        const name = `${prefix}${++next}`;
        // Statements evicted earlier are closed first, in the same call (closing an absent one is not an error).
        const closing = toClose.splice(0).map((old) => serialize.close({ type: "S", name: old }));
        const described = await client.execProtocolStream(
          concat([
            ...closing,
            serialize.parse({ name, text: sql }),
            serialize.describe({ type: "S", name }),
            serialize.sync(),
          ]),
          { ...options, syncToFs: false },
        );
        statement = { name, paramTypes: parse.parseDescribeStatementResults(described) };
        cache.set(sql, statement);
        if (cache.size > max) {
          const [oldest] = cache;
          if (oldest) {
            cache.delete(oldest[0]);
            toClose.push(oldest[1].name);
          }
        }
      }
      const { paramTypes } = statement;
      const values = params.map((value, i) => {
        if (value === null || value === undefined) return null;
        const type = paramTypes[i] ?? 0;
        const serializer = options?.serializers?.[type] ?? client.serializers[type];
        return serializer ? serializer(value) : (value as { toString(): string }).toString(); // as PGlite's own
      });
      const messages = await client.execProtocolStream(
        concat([
          serialize.bind({ statement: statement.name, values }),
          serialize.describe({ type: "P" }),
          serialize.execute({}),
          serialize.sync(),
        ]),
        { ...options, syncToFs: false },
      );
      if (!inTransaction) await client.syncToFs();
      return parse.parseResults(messages, client.parsers, options)[0] as Results<T>;
    } catch (error) {
      if (statement && isStale(error) && cache.get(sql) === statement) {
        cache.delete(sql);
        toClose.push(statement.name);
        // Inside a transaction the error has aborted it, as it would have without the cache.
        if (retry && !inTransaction) return run<T>(sql, params, options, inTransaction, false);
      }
      throw annotate(error, sql, params, options);
    }
  }

  const handles = (options: QueryOptions | undefined) => !options?.blob && !options?.paramTypes;

  function query<T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> {
    if (!handles(options)) return client.query<T>(sql, params, options);
    return client
      ._checkReady()
      .then(() =>
        client._runExclusiveTransaction(() => client.runExclusive(() => run<T>(sql, params, options, false))),
      );
  }

  function inTransaction(tx: Transaction): Transaction {
    const txQuery = <T>(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<Results<T>> => {
      if (!handles(options)) return tx.query<T>(sql, params, options);
      if (tx.closed) return Promise.reject(new Error("Transaction is closed"));
      // The transaction holds the transaction lock: its statements take the query lock only, as PGlite's do.
      return client.runExclusive(() => run<T>(sql, params, options, true));
    };
    return new Proxy(tx, { get: (target, key) => (key === "query" ? txQuery : (Reflect.get(target, key) as unknown)) });
  }

  function transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    return client.transaction((tx) => callback(inTransaction(tx)));
  }

  return new Proxy(client, {
    get(target, key) {
      if (key === "query") return query;
      if (key === "transaction") return transaction;
      const value: unknown = Reflect.get(target, key);
      // PGlite's methods use private fields: they must run on the instance itself, never on the proxy.
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}
