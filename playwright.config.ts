// End-to-end: the built app (`next build` + `next start`) on a throwaway embedded database, driven in Chromium.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
// `localhost`, not 127.0.0.1: WebAuthn refuses an IP address as the relying party, and the passkey spec needs one.
// The server listens on 127.0.0.1, where Chromium's localhost lands.
const APP_URL = `http://localhost:${PORT}`;
const DATA_DIR = ".data/e2e-pglite";

/**
 * Sign-in providers for tests/e2e/sso.spec.ts, which starts them (a real OIDC provider, the GitHub fake) on the two
 * ports after the app's. Configured for every spec: their buttons show on the sign-in pages, nothing else changes.
 */
export const SSO = {
  oidcPort: PORT + 1,
  githubPort: PORT + 2,
  oidcClient: { id: "tidings-e2e", secret: "tidings-e2e-oidc-secret", name: "Acme SSO" },
  githubClient: { id: "tidings-e2e-gh", secret: "tidings-e2e-gh-secret" },
  appUrl: APP_URL,
} as const;

// Debian's chromium when it is there (Playwright's own browser download does not work offline).
const systemChromium = "/usr/bin/chromium";
const launchOptions = existsSync(systemChromium)
  ? {
      executablePath: systemChromium,
      args: [
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    }
  : {};

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  // The invite journey is long (two people, sign-up then sign-in, every page rendered per request for its CSP nonce).
  timeout: 180_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  reporter: [["list"]],
  use: {
    baseURL: APP_URL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions } }],
  webServer: {
    // A fresh database every run: deleted before the server (the only opener) starts.
    // E2E_PREBUILT=1 (npm test, after its build step): start the build that is there instead of building again.
    command: `rm -rf ${DATA_DIR} && ${process.env.E2E_PREBUILT ? "" : "npm run build && "}npx next start --hostname 127.0.0.1 --port ${PORT}`,
    url: `http://127.0.0.1:${PORT}/signin`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PGLITE_DATA_DIR: DATA_DIR,
      APP_URL,
      DATABASE_URL: "",
      LOG_LEVEL: "warn",
      NEXT_TELEMETRY_DISABLED: "1",
      AUTH_OIDC_ISSUER: `http://127.0.0.1:${SSO.oidcPort}`,
      AUTH_OIDC_ID: SSO.oidcClient.id,
      AUTH_OIDC_SECRET: SSO.oidcClient.secret,
      AUTH_OIDC_NAME: SSO.oidcClient.name,
      AUTH_GITHUB_ID: SSO.githubClient.id,
      AUTH_GITHUB_SECRET: SSO.githubClient.secret,
      AUTH_GITHUB_ENTERPRISE_URL: `http://127.0.0.1:${SSO.githubPort}`,
    },
  },
});
