// The database client: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set, otherwise the
// embedded PGlite, locked, migrated on open, and shared by the whole process (one instance per directory).
import "server-only";
import { markDatabaseAnswering, markDatabaseUnavailable } from "@/lib/availability";
import { databaseUnavailableReason } from "@/lib/errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../generated/prisma/client";
import { countingAdapter } from "./count-statements";
import type { Prisma } from "../generated/prisma/client";
import { EMBEDDED_LOCK_STALE_SECONDS, EmbeddedDatabaseLockedError, lockDataDir } from "./embedded-lock";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
export type DbOrTx = PrismaClient | Prisma.TransactionClient;

type Opened = {
  prisma: PrismaClient;
  adapter: "postgres" | "pglite";
  /** The driver adapter Prisma's client sends its statements through (the same pool or PGlite connection). */
  driver: () => Promise<SqlDriverAdapter>;
  close(): Promise<void>;
};

const globalKey = Symbol.for("tidings.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Opened> };
const g = globalThis as GlobalWithDb;

/**
 * The database did not answer (timed out, unreachable, or the embedded one is still locked by a process that died).
 * Its `digest` is what the error page recognizes: Next keeps a thrown error's own digest when it hides the message.
 */
export class DatabaseUnavailableError extends Error {
  readonly digest = "DATABASE_UNAVAILABLE";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DatabaseUnavailableError";
  }
}

/** Every bound on waiting for the database, so a database that accepts connections but never answers fails fast. */
const timeouts = {
  connectMs: env.DATABASE_CONNECT_TIMEOUT_MS,
  queryMs: env.DATABASE_QUERY_TIMEOUT_MS,
};

/** How long a database that did not answer is left alone (Retry-After; pages answer 503 from the proxy meanwhile). */
const UNAVAILABLE_RETRY_SECONDS = 5;

/** Interactive transactions: waiting to begin one (PGlite has one connection; PostgreSQL a pool) and its whole run. */
const transactionOptions = { maxWait: timeouts.connectMs, timeout: timeouts.queryMs };

/**
 * Rethrows a driver error that means "not answering" as a DatabaseUnavailableError (logged once with the reason), so
 * the API answers 503 and a page shows the unavailable page; every other error passes through untouched.
 */
function withUnavailability(prisma: PrismaClient): PrismaClient {
  const extended = prisma.$extends({
    query: {
      async $allOperations({ args, query, operation, model }) {
        try {
          const result = (await query(args)) as unknown;
          markDatabaseAnswering();
          return result;
        } catch (error) {
          throw asUnavailable(error, { operation, model });
        }
      },
    },
  });
  // The extension only rethrows: the client keeps PrismaClient's shape, which every data function is typed against.
  return extended as unknown as PrismaClient;
}

/**
 * A driver error that means "not answering" becomes a DatabaseUnavailableError (logged once with the reason, and
 * remembered for the pages' 503); any other error is returned untouched. For Prisma's client and for raw-read.ts.
 */
export function asUnavailable(error: unknown, context: Record<string, unknown>): unknown {
  const reason = databaseUnavailableReason(error);
  if (reason === undefined || error instanceof DatabaseUnavailableError) return error;
  log.warn("database unavailable", { ...context, reason });
  markDatabaseUnavailable(UNAVAILABLE_RETRY_SECONDS);
  return new DatabaseUnavailableError(`The database is not answering: ${reason}`, UNAVAILABLE_RETRY_SECONDS, {
    cause: error,
  });
}

/**
 * One connected driver adapter per client, handed to Prisma and to raw-read.ts alike, so the raw reads share Prisma's
 * pool (PostgreSQL) or its one connection and locks (PGlite) instead of opening their own. Prisma connects once and
 * disposes the adapter when disconnected; a later connect makes a new one.
 */
function sharedConnection<F extends SqlDriverAdapterFactory>(factory: F) {
  let connected: Promise<SqlDriverAdapter> | undefined;
  const connect = (): Promise<SqlDriverAdapter> =>
    (connected ??= factory.connect().then(
      (adapter) =>
        new Proxy(adapter, {
          get(target, key, receiver) {
            if (key !== "dispose") return Reflect.get(target, key, receiver) as unknown;
            return () => ((connected = undefined), target.dispose());
          },
        }),
      (error: unknown) => {
        connected = undefined;
        throw error;
      },
    ));
  const shared = new Proxy(factory, {
    get: (target, key, receiver) => (key === "connect" ? connect : (Reflect.get(target, key, receiver) as unknown)),
  });
  return { factory: shared, driver: connect };
}

async function openPostgres(url: string): Promise<Opened> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const connection = sharedConnection(
    countingAdapter(
      new PrismaPg({
        connectionString: url,
        max: 10,
        connectionTimeoutMillis: timeouts.connectMs, // connect + authenticate, and waiting for a free pooled connection
        query_timeout: timeouts.queryMs, // client side: the server stopped answering mid-query
        statement_timeout: timeouts.queryMs, // server side: a statement that runs too long
        lock_timeout: timeouts.queryMs,
        idle_in_transaction_session_timeout: 2 * timeouts.queryMs, // a transaction its client abandoned
        idleTimeoutMillis: 30_000,
      }),
    ),
  );
  const prisma = new PrismaClient({ adapter: connection.factory, transactionOptions });
  return {
    prisma: withUnavailability(prisma),
    adapter: "postgres",
    driver: connection.driver,
    close: () => prisma.$disconnect(),
  };
}

/**
 * A transaction left idle this long is rolled back by the embedded database's worker, as PostgreSQL's
 * idle_in_transaction_session_timeout above: it holds PGlite's only connection.
 */
const idleInTransactionMs = 2 * timeouts.queryMs;

/**
 * PGlite runs in a worker thread (pglite-thread.ts, docs/decisions/0016): its work uses the second core, and the event
 * loop does not stall while a statement runs. The data directory is locked here, on the main thread, for the
 * process's lifetime. `onGone` hears of a worker that stopped unexpectedly.
 */
async function openPglite(dir: string, onGone: () => void): Promise<Opened> {
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const { startPgliteThread } = await import("./pglite-thread");
  const inMemory = dir.startsWith("memory://");
  const unlock = inMemory ? async () => {} : await lockDataDir(dir);
  let released: Promise<void> | undefined;
  const release = () => (released ??= unlock());
  try {
    const thread = await startPgliteThread({ dir, idleInTransactionMs });
    if (thread.applied.length > 0 && !inMemory)
      console.info(`[db] applied ${thread.applied.length} migration(s) to ${dir}`);
    // One connection: a transaction holds it, so its timeout bounds how long everyone else waits. Statements run
    // prepared (planned once per SQL text, not per call): see pglite-prepared.ts.
    const connection = sharedConnection(countingAdapter(new PrismaPGlite(thread.client)));
    const prisma = new PrismaClient({ adapter: connection.factory, transactionOptions });
    let closing = false;
    // Calls on this client now fail at once as unavailable (503); the next getDb() opens the database afresh.
    void thread.exited.then(async () => {
      if (closing) return;
      log.error("embedded database worker exited", { dir });
      onGone();
      await release().catch((error: unknown) => log.warn("embedded database lock not released", { error }));
    });
    return {
      prisma: withUnavailability(prisma),
      adapter: "pglite",
      driver: connection.driver,
      async close() {
        closing = true;
        await prisma.$disconnect();
        await thread.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

function open(): Promise<Opened> {
  if (!g[globalKey]) {
    const forget = () => {
      if (g[globalKey] === opening) g[globalKey] = undefined;
    };
    const opening: Promise<Opened> = (
      env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PGLITE_DATA_DIR, forget)
    ).catch((error: unknown) => {
      forget();
      throw error;
    });
    g[globalKey] = opening;
  }
  return g[globalKey];
}

/** Opening failed because the database cannot answer yet: a stale embedded lock clears within its stale time. */
async function opened(): Promise<Opened> {
  try {
    return await open();
  } catch (error) {
    if (error instanceof EmbeddedDatabaseLockedError) {
      log.warn("database unavailable", { reason: error.message });
      const message = `${error.message} (a process that crashed leaves a lock that goes stale within ${EMBEDDED_LOCK_STALE_SECONDS} s)`;
      markDatabaseUnavailable(EMBEDDED_LOCK_STALE_SECONDS);
      throw new DatabaseUnavailableError(message, EMBEDDED_LOCK_STALE_SECONDS, { cause: error });
    }
    throw error;
  }
}

/** The process-wide client, opened on first use (never at import: `next build` imports every route). */
export async function getDb(): Promise<PrismaClient> {
  return (await opened()).prisma;
}

/**
 * The driver adapter behind `db` when `db` is the process-wide client; null for a transaction, whose statements must
 * go through its own connection (Prisma's transaction client).
 */
export async function sharedDriverOf(db: DbOrTx): Promise<SqlDriverAdapter | null> {
  const current = await opened();
  return db === current.prisma ? current.driver() : null;
}

export async function databaseAdapter(): Promise<"postgres" | "pglite"> {
  return (await opened()).adapter;
}

export async function closeDb(): Promise<void> {
  const opened = g[globalKey];
  g[globalKey] = undefined;
  if (opened) await (await opened).close();
}

/**
 * Serializes transactions that pick the same free name (a handle, a workspace slug): the lock is held until the
 * transaction ends, so a second picker sees the first one's row instead of colliding with it on the unique index.
 */
export async function lockName(tx: Tx, key: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${key}))::text AS locked`;
}

/** A unique index refused the write (Prisma's P2002), duck-typed so callers need not import Prisma. */
export const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";
