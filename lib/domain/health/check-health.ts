import { backgroundMode } from "@/lib/env";
import { databaseAdapter, getDb } from "@/lib/data/db/client";
import { outboxBacklog, pingDatabase } from "@/lib/data/health";
import { mailTransport } from "@/lib/data/mail/transport";
import { unreadMailProblem } from "@/lib/domain/mail/dev-mailbox";
import { fileStore } from "@/lib/data/files/store";
import { rateLimitStore } from "@/lib/data/rate-limit/store";
import { AppError } from "@/lib/errors";

async function checkRateLimitStore() {
  const store = await rateLimitStore();
  try {
    await store.ping();
    return { ok: true, adapter: store.name };
  } catch (error) {
    return { ok: false, adapter: store.name, error: (error as Error).message };
  }
}

async function checkStorage() {
  const store = await fileStore();
  try {
    await store.ping();
    return { ok: true, adapter: store.name };
  } catch (error) {
    return { ok: false, adapter: store.name, error: (error as Error).message };
  }
}

async function checkEmail() {
  const { name } = await mailTransport();
  const problem = await unreadMailProblem();
  return problem ? { ok: false, adapter: name, error: problem } : { ok: true, adapter: name };
}

/** Each layer and the adapter serving it; 503 when the database cannot answer. */
export async function checkHealth() {
  const started = performance.now();
  let database;
  try {
    const db = await getDb();
    await pingDatabase(db);
    database = { ok: true, adapter: await databaseAdapter(), latencyMs: Math.round(performance.now() - started) };
    const backlog = await outboxBacklog(db);
    return {
      ok: true,
      database,
      queue: {
        ok: backlog.dead === 0,
        adapter: backgroundMode,
        outboxPending: backlog.pending,
        outboxDead: backlog.dead,
      },
      email: await checkEmail(),
      rateLimit: await checkRateLimitStore(),
      storage: await checkStorage(),
    };
  } catch (error) {
    throw new AppError("UNAVAILABLE", "The database is not answering", {
      database: { ok: false, error: (error as Error).message },
    });
  }
}
