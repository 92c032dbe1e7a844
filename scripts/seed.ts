// npm run db:seed — the demo person, workspace and conversation (the same seed the first `npm run dev` runs),
// into DATABASE_URL or the embedded database. Does nothing when the demo account exists already.
import { createRequire } from "node:module";
import path from "node:path";

// lib modules are marked `server-only`, which throws outside React Server Components; this script is server code.
const require = createRequire(path.resolve("package.json"));
const serverOnly = require.resolve("server-only");
require.cache[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} } as NodeJS.Module;

async function main() {
  const { seedDemo } = await import("../lib/domain/seed/seed-demo");
  const { closeDb } = await import("../lib/data/db/client");
  const { env } = await import("../lib/env");
  try {
    const demo = await seedDemo();
    if (!demo) console.info("The demo account exists already: nothing to seed.");
    else {
      console.info(`Seeded the demo workspace. Sign in at ${env.APP_URL}/signin with`);
      console.info(`  email:    ${demo.email}\n  password: ${demo.password}`);
    }
  } finally {
    await closeDb();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
