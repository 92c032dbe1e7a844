// The main thread's side of the embedded database: starts pglite-worker.ts in a worker thread and hands
// pglite-prisma-adapter an object with the part of PGlite's interface it uses (query, exec, transaction with the
// transaction's query, exec and rollback, close), each call a message to the worker. PGlite's work then runs on
// another core while this thread serves HTTP, as PostgreSQL's does in its own processes. docs/decisions/0016.
import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { messages } from "@electric-sql/pglite";
import type { PGlite, QueryOptions, Results, Transaction } from "@electric-sql/pglite";
import { fromWire, prismaAdapterParsers } from "./pglite-wire";
import type { Reply, RequestBody, Started, WireQueryOptions, WorkerConfig } from "./pglite-wire";

/**
 * Loaded by Node.js itself from the project (as migrate.ts reads prisma/migrations), never bundled: a bundled worker
 * would need the bundler to follow `new Worker`, which Turbopack's support for has changed between 16.x releases.
 * next.config.ts ships the file and its imports with the server (outputFileTracingIncludes).
 */
export const PGLITE_WORKER_PATH = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "lib/data/db/pglite-worker.ts");

/**
 * The worker is gone (it crashed, ran out of memory, or was closed): every call fails at once with this instead of
 * waiting for an answer that cannot come. lib/errors.ts counts it as "the database is not answering" (a 503).
 */
export class EmbeddedDatabaseGoneError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "EmbeddedDatabaseGoneError";
  }
}

export type PgliteThread = {
  /** What pglite-prisma-adapter is given in place of a PGlite instance. */
  client: PGlite;
  /** The migrations the worker applied on opening. */
  applied: string[];
  /** Settles when the worker has stopped, for whatever reason. */
  exited: Promise<void>;
  /** Closes the database in the worker, then stops the worker. */
  close(): Promise<void>;
  /** Stops the worker at once without closing the database, as a crash would (close() falls back to it). */
  terminate(): Promise<void>;
};

/** How long close() waits for the worker to close the database (a final checkpoint) before stopping it anyway. */
const CLOSE_TIMEOUT_MS = 10_000;

type Pending = { resolve(value: unknown): void; reject(error: Error): void };

const closedTransaction = () => Promise.reject(new Error("Transaction is closed"));

/** Starts the worker on `dir` and waits until the database there is open and migrated. */
export async function startPgliteThread(config: WorkerConfig): Promise<PgliteThread> {
  const adapterParsers = await prismaAdapterParsers();
  const worker = new Worker(PGLITE_WORKER_PATH, {
    workerData: config,
    name: "pglite",
    // It and the .ts modules it imports are ES modules in a package without "type": Node.js finds that out itself
    // (parsing each once more, at start) and would say so on stderr every time.
    execArgv: [...process.execArgv, "--disable-warning=MODULE_TYPELESS_PACKAGE_JSON"],
  });
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let gone: EmbeddedDatabaseGoneError | undefined;
  let crash: unknown;

  // The worker keeps the process alive only while a call waits for it, as an idle database connection would not.
  const holdWhilePending = () => (pending.size > 0 ? worker.ref() : worker.unref());

  const exited = new Promise<void>((resolve) => {
    worker.on("error", (error) => {
      crash = error;
    });
    worker.on("exit", (code) => {
      const why = crash instanceof Error ? `: ${crash.message}` : "";
      gone ??= new EmbeddedDatabaseGoneError(`The embedded database's worker exited (code ${code})${why}`, {
        cause: crash,
      });
      for (const call of pending.values()) call.reject(gone);
      pending.clear();
      resolve();
    });
  });

  const started = await new Promise<Started>((resolve, reject) => {
    worker.once("message", resolve);
    void exited.then(() => reject(gone ?? new EmbeddedDatabaseGoneError("The embedded database's worker exited")));
  });
  if (!started.started) {
    await worker.terminate();
    throw fromWire(started.error);
  }

  worker.on("message", (reply: Reply) => {
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    holdWhilePending();
    if (reply.ok) call.resolve(reply.value);
    else call.reject(fromWire(reply.error));
  });
  worker.unref();

  function send(body: RequestBody): Promise<unknown> {
    if (gone) return Promise.reject(gone);
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ ...body, id });
      } catch (error) {
        pending.delete(id); // a parameter that cannot be copied to the worker
        reject(error instanceof Error ? error : new Error(String(error)));
      }
      holdWhilePending();
    });
  }

  /** The options a statement may carry across; parser functions only as the adapter's own set, by name. */
  function wireOptions(options: QueryOptions | undefined): WireQueryOptions {
    const { rowMode, paramTypes, parsers, ...rest } = options ?? {};
    const unsupported = Object.keys(rest).filter((key) => rest[key as keyof typeof rest] !== undefined);
    if (parsers && parsers !== adapterParsers) unsupported.push("parsers");
    if (unsupported.length > 0) {
      throw new Error(`The embedded database's worker cannot take these query options: ${unsupported.join(", ")}`);
    }
    return { rowMode, paramTypes, parsers: parsers ? "prisma-adapter" : undefined };
  }

  async function query<T>(sql: string, params: unknown[] = [], options?: QueryOptions, tx?: number) {
    try {
      return (await send({ op: "query", sql, params, options: wireOptions(options), tx })) as Results<T>;
    } catch (error) {
      // As PGlite's own query() annotates a database error: the statement, its parameters and options.
      if (error instanceof messages.DatabaseError) {
        Object.assign(error, { query: sql, params, queryOptions: options });
      }
      throw error;
    }
  }

  const exec = (sql: string, options?: QueryOptions, tx?: number) => {
    if (options && Object.values(options).some((value) => value !== undefined)) {
      return Promise.reject(new Error("The embedded database's worker takes exec() without options"));
    }
    return send({ op: "exec", sql, tx }) as Promise<Results[]>;
  };

  /**
   * PGlite's transaction(), held open in the worker while `callback` sends its statements here: it commits when the
   * callback returns, rolls back when it throws or called rollback(). The worker rolls back one left idle too long.
   */
  async function transaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
    const id = (await send({ op: "begin" })) as number;
    let ending: Promise<unknown> | undefined;
    const end = (commit: boolean) => (ending ??= send({ op: commit ? "commit" : "rollback", tx: id }));
    const tx = {
      query: <R>(sql: string, params?: unknown[], options?: QueryOptions) =>
        ending ? closedTransaction() : query<R>(sql, params, options, id),
      exec: (sql: string, options?: QueryOptions) => (ending ? closedTransaction() : exec(sql, options, id)),
      rollback() {
        if (ending) return closedTransaction();
        const rolledBack = end(false).then(() => undefined);
        // pglite-prisma-adapter calls rollback() without awaiting it: its failure is the outcome's, not unhandled.
        rolledBack.catch(() => {});
        return rolledBack;
      },
      get closed() {
        return ending !== undefined;
      },
    };
    let result: T;
    try {
      result = await callback(tx as unknown as Transaction);
    } catch (error) {
      await end(false).catch(() => {});
      throw error;
    }
    await end(true);
    return result;
  }

  const client = {
    query: <T>(sql: string, params?: unknown[], options?: QueryOptions) => query<T>(sql, params, options),
    exec: (sql: string, options?: QueryOptions) => exec(sql, options),
    transaction,
    waitReady: Promise.resolve(),
    get closed() {
      return gone !== undefined;
    },
    close: () => close(),
  };

  async function terminate() {
    await worker.terminate();
    await exited;
  }

  async function close() {
    if (!gone) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, CLOSE_TIMEOUT_MS)));
      await Promise.race([send({ op: "close" }).catch(() => {}), timeout]);
      clearTimeout(timer);
      gone = new EmbeddedDatabaseGoneError("The embedded database is closed");
    }
    await terminate();
  }

  // The adapter uses only the members above; the cast is the boundary of what crosses (wireOptions checks the rest).
  return { client: client as unknown as PGlite, applied: started.applied, exited, close, terminate };
}
