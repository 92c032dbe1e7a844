import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  // `server-only` throws outside React Server Components; tests import server modules directly.
  "server-only": path.join(root, "node_modules/server-only/empty.js"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "inngest/**/*.test.ts", "scripts/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // next-auth imports `next/server` without an extension, which only a bundler resolves: let Vite do it.
          server: { deps: { inline: ["next-auth"] } },
          environment: "node",
          pool: "forks",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-integration.ts", "tests/support/fail-on-console-error.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          // The production server (`next start` on the build in .next) as a child process: fail-fast environment,
          // an unresponsive database, and the crash test. Needs `npm run build` first (scripts/test-all.mjs does it).
          name: "server",
          include: ["tests/server/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          fileParallelism: false,
          testTimeout: 900_000,
          hookTimeout: 120_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "bench",
          include: [],
          // Measure the pipeline, not the limiter refusing it: the benches call one route thousands of times.
          env: { RATE_LIMIT_API_PER_MINUTE: "100000" },
          benchmark: { include: ["bench/**/*.bench.ts"] },
          environment: "node",
          pool: "forks",
          globalSetup: ["tests/support/global-setup.ts"],
          setupFiles: ["tests/support/setup-integration.ts"],
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
