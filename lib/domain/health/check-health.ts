import { backgroundMode } from "@/lib/env";
import { databaseAdapter, getDb } from "@/lib/data/db/client";
import { outboxBacklog, pingDatabase } from "@/lib/data/health";
import { mailTransport } from "@/lib/data/mail/transport";
import { unreadMailProblem } from "@/lib/domain/mail/dev-mailbox";
import { fileStore } from "@/lib/data/files/store";
import { rateLimitStore } from "@/lib/data/rate-limit/store";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/domain/actor";
import { canSeeHealthDetails } from "@/lib/domain/policy";
import type { healthDetails, healthSummary } from "@/lib/validation/api/health";
import type { z } from "zod";
import { log } from "@/lib/log";

/** A layer behind an adapter with a ping: ok, or the error in words. */
async function checkLayer(store: { name: string; ping(): Promise<unknown> }) {
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
async function checkAll(): Promise<z.input<typeof healthDetails>> {
  const started = performance.now();
  try {
    const db = await withinDeadline(getDb());
    await withinDeadline(pingDatabase(db));
    const database = { ok: true, adapter: await databaseAdapter(), latencyMs: Math.round(performance.now() - started) };
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
      rateLimit: await checkLayer(await rateLimitStore()),
      storage: await checkLayer(await fileStore()),
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

/**
 * Each layer's status; 503 when the database cannot answer. Error text names addresses and directories and the
 * adapters tell how the app runs, so only an operator (see canSeeHealthDetails) gets more than ok per layer.
 */
export async function checkHealth(
  actor: Actor | null,
  operatorToken: boolean,
): Promise<z.input<typeof healthDetails> | z.input<typeof healthSummary>> {
  const details = canSeeHealthDetails(actor, operatorToken);
  try {
    const report = await checkAll();
    if (details) return report;
    const { ok, database, queue, email, rateLimit, storage } = report;
    return {
      ok,
      database: { ok: database.ok },
      queue: { ok: queue.ok },
      email: { ok: email.ok },
      rateLimit: { ok: rateLimit.ok },
      storage: { ok: storage.ok },
    };
  } catch (error) {
    if (!details && error instanceof AppError && error.code === "UNAVAILABLE")
      throw new AppError(error.code, error.message, {
        database: { ok: false },
        retryAfterSeconds: (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds,
      });
    throw error;
  }
}
