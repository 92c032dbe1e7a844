// Runs before each integration test file: gives it its own database, before any app module reads the env.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, inject, vi } from "vitest";

const template = inject("pgTemplate");
const adminUrl = process.env.TEST_POSTGRES_URL;
let dropDatabase: (() => Promise<void>) | undefined;

process.env.AUTH_SECRET ??= randomBytes(32).toString("hex");
process.env.LOG_LEVEL ??= "warn";
process.env.APP_URL ??= "http://127.0.0.1:3999";
// The operator's token for /api/health's details (tests send it as `token: process.env.HEALTH_TOKEN`).
process.env.HEALTH_TOKEN ??= randomBytes(32).toString("hex");
// Each file stores uploads in its own temporary directory, encrypted with a throwaway key.
process.env.FILES_DIR ??= mkdtempSync(path.join(tmpdir(), "tidings-files-"));
process.env.FILES_ENCRYPTION_KEY ??= randomBytes(32).toString("base64");

if (template && adminUrl) {
  const name = `tidings_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}

// Server actions read cookies through next/headers; here they come from the jar the test controls.
vi.mock("next/headers", async () => {
  const { testCookies, testHeaders } = await import("./cookies");
  return { cookies: () => Promise.resolve(testCookies), headers: () => Promise.resolve(testHeaders) };
});

afterAll(async () => {
  const { closeDb } = await import("@/lib/data/db/client");
  await closeDb();
  await dropDatabase?.();
  if (process.env.FILES_DIR?.startsWith(tmpdir())) rmSync(process.env.FILES_DIR, { recursive: true, force: true });
});
