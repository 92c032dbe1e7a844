// npm run audit:verify [workspaceId] — walks each workspace's audit hash chain (or the one named) and reports the
// first broken row. Targets DATABASE_URL when set, else the embedded PGlite in PGLITE_DATA_DIR (as scripts/db.ts).
// Exit code: 0 every chain checked is intact, 1 a chain is broken, 2 it could not check (unknown workspace, error).
import { createRequire } from "node:module";
import path from "node:path";

// lib modules are marked `server-only`, which throws outside React Server Components; this script is server code.
const require = createRequire(path.resolve("package.json"));
const serverOnly = require.resolve("server-only");
require.cache[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} } as NodeJS.Module;

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== "--");
  if (args.length > 1 || args.some((a) => a.startsWith("-"))) {
    console.error("usage: npm run audit:verify [workspaceId]");
    return 2;
  }
  const { closeDb, getDb } = await import("../lib/data/db/client");
  const { findWorkspace } = await import("../lib/data/workspaces");
  const { verifyAllAuditChains, verifyAuditChain } = await import("../lib/domain/audit/verify-chain");
  try {
    const [workspaceId] = args;
    if (workspaceId && !(await findWorkspace(await getDb(), workspaceId))) {
      console.error(`No workspace ${workspaceId}`);
      return 2;
    }
    const reports = workspaceId ? [await verifyAuditChain(workspaceId)] : await verifyAllAuditChains();
    if (reports.length === 0) console.info("No audit rows yet: nothing to verify.");
    for (const r of reports) {
      if (r.broken) {
        console.error(
          `BROKEN  workspace ${r.workspaceId}: row seq ${r.broken.seq} (id ${r.broken.id}): ${r.broken.reason}`,
        );
        console.error(`        the ${r.rows - 1} rows before it are intact (their head: ${r.head})`);
      } else console.info(`ok      workspace ${r.workspaceId}: ${r.rows} rows, head ${r.head}`);
    }
    return reports.some((r) => r.broken) ? 1 : 0;
  } finally {
    await closeDb();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
