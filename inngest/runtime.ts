// Wires the background runtime once per process: the serve() handler, the outbox publisher (Inngest's API when
// managed, the in-process executor when embedded), and in the embedded mode the executor, its dispatch hook and
// the cron scheduler. Everything lives on globalThis: Next loads this module once per route bundle.
import "server-only";
import { serve } from "inngest/next";
import { kickOutboxRelay, outboxIdle, releaseLeasesOnNextRelayPass } from "@/lib/outbox/relay";
import { setOutboxPublisher, type OutboxPublisher, type RelaySummary } from "@/lib/outbox/publisher";
import { env } from "@/lib/env";
import { embedded, embeddedSigningKey, inngest, setEmbeddedDispatch } from "./client";
import { createEmbeddedExecutor, type EmbeddedExecutor } from "./embedded/executor";
import { startScheduler } from "./embedded/scheduler";
import { outboxEvent } from "./events";
import { functions } from "./functions";
import { log } from "./log";

export const inngestHandler = serve({ client: inngest, functions });

const executorSlot = Symbol.for("tidings.inngest.executor");
const startedSlot = Symbol.for("tidings.inngest.started");
type G = typeof globalThis & { [executorSlot]?: EmbeddedExecutor; [startedSlot]?: { stop(): void } };
const g = globalThis as G;

export function embeddedExecutor(): EmbeddedExecutor {
  return (g[executorSlot] ??= createEmbeddedExecutor({
    client: inngest,
    functions,
    handler: inngestHandler,
    // In-process runs skip the HTTP form of the protocol (a Request, two HMACs, JSON both ways per call);
    // /api/inngest still answers Inngest's signed calls through the handler.
    direct: true,
    signingKey: env.INNGEST_SIGNING_KEY ?? embeddedSigningKey,
    onRunFailed: ({ fn, eventId, error }) =>
      log.error("background run failed after its retries", { fn, eventId, error }),
  }));
}

function report(summary: RelaySummary) {
  for (const e of summary.errors) {
    (e.dead ? log.error : log.warn)(
      e.dead ? "outbox event is DEAD: giving up" : "outbox event not delivered; will retry",
      e,
    );
  }
  // Each run logs its own completion; this line only adds the count, so it is for debugging.
  if (summary.sent) log.debug("outbox events delivered", { sent: summary.sent });
}

/** Managed: Inngest accepted the event (its id is the outbox row id, so a second send is dropped). */
const managedPublisher: OutboxPublisher = {
  name: "inngest",
  leaseMs: 2 * 60_000,
  async publish(m) {
    await inngest.send(await outboxEvent(m.name, m.data as never, m.id, m.requestId));
  },
  report,
};

/** Embedded: delivered when every run it triggers has completed (runs retry with backoff inside the executor). */
export function embeddedPublisher(executor: EmbeddedExecutor): OutboxPublisher {
  return {
    name: "embedded",
    leaseMs: 15 * 60_000,
    async publish(m) {
      const event = await outboxEvent(m.name, m.data as never, m.id, m.requestId);
      await executor.deliver({ ...event, ts: Date.now() });
    },
    report,
  };
}

export const outboxPublisher = (): OutboxPublisher =>
  embedded ? embeddedPublisher(embeddedExecutor()) : managedPublisher;

/**
 * Called once at server start (instrumentation.ts): installs the publisher, and in the embedded mode the
 * executor and the cron scheduler, then re-dispatches whatever the outbox still holds from before.
 */
export function startBackgroundRuntime(): void {
  if (g[startedSlot]) return;
  setOutboxPublisher(outboxPublisher());
  if (embedded) {
    const executor = embeddedExecutor();
    setEmbeddedDispatch(executor.dispatch);
    g[startedSlot] = startScheduler(executor);
  } else {
    g[startedSlot] = { stop() {} };
  }
  log.info("background runtime started", {
    mode: embedded ? "embedded" : "inngest",
    functions: functions.map((f) => f.id()),
  });
  if (embedded) releaseLeasesOnNextRelayPass();
  void kickOutboxRelay();
}

/**
 * The reverse of startBackgroundRuntime: stops the crons, lets the relay pass and every run already started
 * finish, then detaches the publisher (events recorded afterwards wait in the outbox for the next start).
 */
export async function stopBackgroundRuntime(): Promise<void> {
  const started = g[startedSlot];
  if (!started) return;
  started.stop();
  await outboxIdle();
  await kickOutboxRelay();
  if (embedded) await embeddedExecutor().idle();
  setEmbeddedDispatch(undefined);
  setOutboxPublisher(undefined);
  g[startedSlot] = undefined;
}
