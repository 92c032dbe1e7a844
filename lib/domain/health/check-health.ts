import { backgroundMode } from "@/lib/env";
import { databaseAdapter, getDb } from "@/lib/data/db/client";
import { outboxBacklog, pingDatabase } from "@/lib/data/health";
import { mailTransport } from "@/lib/data/mail/transport";
import { unreadMailProblem } from "@/lib/domain/mail/dev-mailbox";
import { rateLimitStore } from "@/lib/data/rate-limit/store";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

async function checkRateLimitStore() {
  const store = await rateLimitStore();
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

/** Health answers within this, whatever the database does: a probe must not hang with the requests it watches. */
export const HEALTH_DEADLINE_MS = 2_000;

function withinDeadline<T>(work: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${HEALTH_DEADLINE_MS / 1000} s`)), HEALTH_DEADLINE_MS);
  });
  work.catch(() => {}); // it may still fail after the deadline: nobody is waiting for it any more
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Each layer and the adapter serving it; 503 when the database cannot answer (within HEALTH_DEADLINE_MS). */
export async function checkHealth() {
  const started = performance.now();
  let database;
  try {
    const db = await withinDeadline(getDb());
    await withinDeadline(pingDatabase(db));
    database = { ok: true, adapter: await databaseAdapter(), latencyMs: Math.round(performance.now() - started) };
    const backlog = await withinDeadline(outboxBacklog(db));
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
    };
  } catch (error) {
    log.warn("health: the database is not answering", { error });
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    throw new AppError("UNAVAILABLE", "The database is not answering", {
      database: { ok: false, error: (error as Error).message },
      retryAfterSeconds: typeof retryAfter === "number" ? retryAfter : 5,
    });
  }
}
