// A second process for tests/integration/embedded-lock.test.ts: opens the embedded database at PGLITE_DATA_DIR
// the way the app does, prints "ready", and holds it until SIGTERM (or prints the error and exits 1).
import { createRequire } from "node:module";
import path from "node:path";

// lib modules are marked `server-only`, which throws outside React Server Components; this script is server code.
const require = createRequire(path.resolve("package.json"));
const serverOnly = require.resolve("server-only");
require.cache[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} } as NodeJS.Module;

async function main() {
  const { getDb, closeDb } = await import("../../lib/data/db/client");
  try {
    const db = await getDb();
    await db.user.count();
    console.log("ready");
  } catch (error) {
    console.log(`failed: ${(error as Error).name}: ${(error as Error).message}`);
    process.exit(1);
  }
  process.on("SIGTERM", () => {
    void closeDb().then(() => process.exit(0));
  });
  setInterval(() => {}, 60_000);
}

void main();
