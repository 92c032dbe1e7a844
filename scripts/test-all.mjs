// `npm test`: every tier, in order — formatting, lint, types, migrations drift, unit, integration on PGlite and on
// PostgreSQL, one production build, the server tier on it (crash test included), then the end-to-end journey in Chromium. Runs them all and fails if any failed.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const postgresUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const only = process.argv.slice(2);

const steps = [
  ["generate", "node", ["scripts/prisma-generate.mjs"]],
  ["format", "npx", ["prettier", "--check", "."]],
  ["lint", "npx", ["eslint", "--max-warnings", "0", "."]],
  ["typecheck", "npx", ["tsc", "--noEmit"]],
  ["drift", "npx", ["tsx", "scripts/db.ts", "drift"]],
  ["unit", "npx", ["vitest", "run", "--project", "unit"]],
  ["integration:pglite", "npx", ["vitest", "run", "--project", "integration"], { TEST_POSTGRES_URL: "" }],
  ["integration:postgres", "npx", ["vitest", "run", "--project", "integration"], { TEST_POSTGRES_URL: postgresUrl }],
  // One production build for the two tiers that start `next start`: the server tier (fail-fast env, a silent
  // database, the crash test) and the end-to-end journey.
  ["build", "npm", ["run", "build"]],
  ["server", "npx", ["vitest", "run", "--project", "server"], { TEST_POSTGRES_URL: postgresUrl }],
  ["e2e", "npx", ["playwright", "test"], { E2E_PREBUILT: "1" }, ensureBrowser],
];

function ensureBrowser() {
  if (existsSync("/usr/bin/chromium")) return true;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("Installing Debian's chromium for the end-to-end tests…");
    const r = spawnSync(
      "sh",
      ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"],
      { stdio: "inherit" },
    );
    if (r.status === 0) return true;
  }
  console.error(
    "The end-to-end tests need Chromium: install it (Debian: apt-get install chromium) or run `npx playwright install chromium` where that can download.",
  );
  return true; // let Playwright try its own browser and report clearly
}

const results = [];
for (const [name, cmd, args, env = {}, before] of steps) {
  if (only.length && !only.includes(name)) continue;
  if (before && !before()) continue;
  const started = Date.now();
  console.log(`\n━━ ${name} ━━ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const ok = r.status === 0;
  results.push({ name, ok, seconds: ((Date.now() - started) / 1000).toFixed(1) });
}

console.log("\n━━ summary ━━");
for (const r of results) console.log(`${r.ok ? "✓" : "✗"} ${r.name.padEnd(22)} ${r.seconds}s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
