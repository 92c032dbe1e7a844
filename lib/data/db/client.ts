// The database client: PostgreSQL through @prisma/adapter-pg when DATABASE_URL is set, otherwise the
// embedded PGlite, locked, migrated on open, and shared by the whole process (one instance per directory).
import "server-only";
import { env } from "@/lib/env";
import { PrismaClient } from "../generated/prisma/client";
import type { Prisma } from "../generated/prisma/client";

export type Db = PrismaClient;
export type Tx = Prisma.TransactionClient;
export type DbOrTx = PrismaClient | Prisma.TransactionClient;

type Opened = { prisma: PrismaClient; adapter: "postgres" | "pglite"; close(): Promise<void> };

const globalKey = Symbol.for("tidings.db");
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<Opened> };
const g = globalThis as GlobalWithDb;

async function openPostgres(url: string): Promise<Opened> {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) });
  return { prisma, adapter: "postgres", close: () => prisma.$disconnect() };
}

async function openPglite(dir: string): Promise<Opened> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const { deployMigrations, pgliteMigrationFactory } = await import("./migrate");
  const inMemory = dir.startsWith("memory://");
  const release = inMemory ? async () => {} : await (await import("./embedded-lock")).lockDataDir(dir);
  try {
    const client = new PGlite(dir);
    await client.waitReady;
    const applied = await deployMigrations(await pgliteMigrationFactory(client));
    if (applied.length > 0 && !inMemory) console.info(`[db] applied ${applied.length} migration(s) to ${dir}`);
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
    return {
      prisma,
      adapter: "pglite",
      async close() {
        await prisma.$disconnect();
        await client.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

function open(): Promise<Opened> {
  g[globalKey] ??= (env.DATABASE_URL ? openPostgres(env.DATABASE_URL) : openPglite(env.PGLITE_DATA_DIR)).catch(
    (error) => {
      g[globalKey] = undefined;
      throw error;
    },
  );
  return g[globalKey];
}

/** The process-wide client, opened on first use (never at import: `next build` imports every route). */
export async function getDb(): Promise<PrismaClient> {
  return (await open()).prisma;
}

export async function databaseAdapter(): Promise<"postgres" | "pglite"> {
  return (await open()).adapter;
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
