// The embedded database's own thread: opens PGlite on the data directory, migrates it, and answers the main thread's
// statements (pglite-thread.ts) through the same prepared-statement cache as before (pglite-prepared.ts), so the
// database's work runs beside the HTTP server rather than inside its event loop. docs/decisions/0016.
// Node.js loads this file itself (type stripping), outside any bundler: relative imports name their .ts file.
import { parentPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";
import type { QueryOptions, Transaction } from "@electric-sql/pglite";
import { deployMigrations, pgliteMigrationFactory } from "./migrate.ts";
import { withPreparedStatements } from "./pglite-prepared.ts";
import { prismaAdapterParsers, toWire } from "./pglite-wire.ts";
import type { Reply, Request, Started, WireQueryOptions, WorkerConfig } from "./pglite-wire.ts";

type Open = { tx: Transaction; end(commit: boolean): void; done: Promise<void>; idle?: NodeJS.Timeout };

if (!parentPort) throw new Error("pglite-worker.ts runs as a worker thread (see pglite-thread.ts)");
const port: MessagePort = parentPort;
const config = workerData as WorkerConfig;

async function start() {
  const client = new PGlite(config.dir);
  await client.waitReady;
  const applied = await deployMigrations(await pgliteMigrationFactory(client));
  return { client, prepared: withPreparedStatements(client), applied, adapterParsers: await prismaAdapterParsers() };
}

function serve({ client, prepared, adapterParsers }: Awaited<ReturnType<typeof start>>) {
  const transactions = new Map<number, Open>();
  /** Transactions this side rolled back for idleness: the main thread's next statement in one is told why. */
  const expired = new Set<number>();
  let nextTx = 0;

  const options = (wire: WireQueryOptions): QueryOptions => ({
    ...(wire.rowMode ? { rowMode: wire.rowMode } : {}),
    ...(wire.paramTypes ? { paramTypes: wire.paramTypes } : {}),
    ...(wire.parsers === "prisma-adapter" ? { parsers: adapterParsers } : {}),
  });

  /**
   * A transaction nobody sends to is rolled back after idleInTransactionMs (as PostgreSQL's
   * idle_in_transaction_session_timeout in client.ts): it holds the only connection, so a main thread that lost track
   * of it must not stop everyone else.
   */
  const arm = (id: number, open: Open) => {
    open.idle = setTimeout(() => {
      if (transactions.get(id) !== open) return;
      transactions.delete(id);
      expired.add(id);
      open.end(false);
    }, config.idleInTransactionMs);
  };

  const closed = (id: number) =>
    new Error(
      expired.delete(id)
        ? `Transaction is closed: rolled back after ${config.idleInTransactionMs} ms without a statement`
        : "Transaction is closed",
    );

  /** Runs one statement of transaction `id`, its idle clock stopped meanwhile. */
  async function within<T>(id: number, run: (tx: Transaction) => Promise<T>): Promise<T> {
    const open = transactions.get(id);
    if (!open) throw closed(id);
    clearTimeout(open.idle);
    try {
      return await run(open.tx);
    } finally {
      if (transactions.get(id) === open) arm(id, open);
    }
  }

  function begin(): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      const id = ++nextTx;
      const done = prepared.transaction(async (tx) => {
        const commit = await new Promise<boolean>((end) => {
          const open: Open = { tx, end, done };
          transactions.set(id, open);
          arm(id, open);
          resolve(id);
        });
        if (!commit && !tx.closed) await tx.rollback();
      });
      // BEGIN failing rejects here; once begun, the outcome is the commit's or rollback's reply (end below).
      done.catch(reject);
    });
  }

  async function end(id: number, commit: boolean) {
    const open = transactions.get(id);
    if (!open) throw closed(id);
    transactions.delete(id);
    clearTimeout(open.idle);
    open.end(commit);
    await open.done;
  }

  async function perform(request: Request): Promise<unknown> {
    switch (request.op) {
      case "query": {
        const { sql, params, tx } = request;
        const opts = options(request.options);
        return tx === undefined ? prepared.query(sql, params, opts) : within(tx, (t) => t.query(sql, params, opts));
      }
      case "exec":
        return request.tx === undefined ? prepared.exec(request.sql) : within(request.tx, (t) => t.exec(request.sql));
      case "begin":
        return begin();
      case "commit":
      case "rollback":
        return end(request.tx, request.op === "commit");
      case "close":
        await client.close();
        return undefined;
    }
  }

  port.on("message", (request: Request) => {
    void perform(request).then(
      (value) => {
        try {
          port.postMessage({ id: request.id, ok: true, value } satisfies Reply);
        } catch (error) {
          // A result that cannot be copied to the main thread (none of PGlite's parsers makes one) fails that call.
          port.postMessage({ id: request.id, ok: false, error: toWire(error) } satisfies Reply);
        }
      },
      (error: unknown) => port.postMessage({ id: request.id, ok: false, error: toWire(error) } satisfies Reply),
    );
  });
}

start().then(
  (opened) => {
    port.postMessage({ started: true, applied: opened.applied } satisfies Started);
    serve(opened);
  },
  (error: unknown) => port.postMessage({ started: false, error: toWire(error) } satisfies Started),
);
