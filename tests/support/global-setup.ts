// Integration tests run on PGlite (default) or, with TEST_POSTGRES_URL, on a PostgreSQL server: there a
// template database is migrated once per run and each test file gets a fresh copy of it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string | null;
  }
}

export default async function setup(project: TestProject) {
  const adminUrl = process.env.TEST_POSTGRES_URL;
  if (!adminUrl) {
    project.provide("pgTemplate", null);
    return;
  }
  const { deployMigrations, postgresMigrationFactory } = await import("../../lib/data/db/migrate");
  const template = `tidings_tmpl_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  await deployMigrations(await postgresMigrationFactory(url.toString()));
  project.provide("pgTemplate", template);
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
    await admin.end();
  };
}
