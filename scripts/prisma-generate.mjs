// `prisma generate` needs no schema engine, but the CLI insists on finding one: point it at a placeholder
// so it never tries to download the native binary (these machines cannot reach binaries.prisma.sh).
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import path from "node:path";

const placeholder = path.resolve("node_modules/.cache/tidings/schema-engine-placeholder");
if (!existsSync(placeholder)) {
  mkdirSync(path.dirname(placeholder), { recursive: true });
  writeFileSync(placeholder, "#!/bin/sh\necho 'schema engine not used: see scripts/db.ts' >&2\nexit 1\n", {
    mode: 0o755,
  });
}
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? placeholder,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
  stdio: ["ignore", "pipe", "inherit"],
  env,
});
if (r.status !== 0) process.exit(r.status ?? 1);
