// npm run db:create <name> | db:deploy | db:status | db:drift — Prisma Migrate, offline (see lib/data/db/migrate.ts).
// Targets DATABASE_URL when set, else the embedded PGlite in PGLITE_DATA_DIR.
import { env } from "../lib/env";
import {
  createMigration,
  deployMigrations,
  detectDrift,
  detectMigrationsDrift,
  migrationStatus,
  pgliteMigrationFactory,
  postgresMigrationFactory,
} from "../lib/data/db/migrate";
import { lockDataDir } from "../lib/data/db/embedded-lock";

async function withFactory<T>(
  run: (f: Awaited<ReturnType<typeof postgresMigrationFactory>>) => Promise<T>,
  inMemory = false,
) {
  if (env.DATABASE_URL && !inMemory) return run(await postgresMigrationFactory(env.DATABASE_URL));
  const { PGlite } = await import("@electric-sql/pglite");
  const dir = inMemory ? undefined : env.PGLITE_DATA_DIR;
  const release = dir && !dir.startsWith("memory://") ? await lockDataDir(dir) : async () => {};
  const client = new PGlite(dir);
  try {
    return await run(await pgliteMigrationFactory(client));
  } finally {
    await client.close();
    await release();
  }
}

async function main() {
  const [command, name = "migration"] = process.argv.slice(2);
  switch (command) {
    case "create": {
      // Generating needs no database: the shadow is an in-memory PGlite.
      const folder = await withFactory((f) => createMigration(f, name), true);
      console.log(folder ? `created ${folder}` : "schema.prisma and the migrations agree: nothing to create");
      return 0;
    }
    case "deploy": {
      const applied = await withFactory((f) => deployMigrations(f));
      console.log(applied.length ? `applied: ${applied.join(", ")}` : "no pending migrations");
      return 0;
    }
    case "status": {
      const s = await withFactory((f) => migrationStatus(f));
      console.log(JSON.stringify(s, null, 2));
      return s.failedMigrationNames.length || s.editedMigrationNames.length ? 1 : 0;
    }
    case "drift": {
      // Two checks: the migrations folder against schema.prisma (always), and the live database (with --live).
      const files = await withFactory((f) => detectMigrationsDrift(f), true);
      if (files.drifted) {
        console.error(
          "schema.prisma has changes that no migration contains. Run `npm run db:create -- <name>`.\n" + files.sql,
        );
        return 2;
      }
      if (process.argv.includes("--live")) {
        const live = await withFactory((f) => detectDrift(f));
        if (live.drifted) {
          console.error("The database differs from schema.prisma:\n" + live.sql);
          return 2;
        }
      }
      console.log("no drift: migrations match schema.prisma");
      return 0;
    }
    default:
      console.error("usage: tsx scripts/db.ts create <name> | deploy | status | drift [--live]");
      return 64;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
