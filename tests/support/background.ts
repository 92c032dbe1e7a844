// Drives the background work in integration tests: the real functions through the SDK's execution engine, in this
// process (the embedded executor, as the app runs it), with fast retries; `drain()` relays the outbox and waits for every run.
import { afterEach, beforeEach } from "vitest";
import { embeddedSigningKey, inngest } from "@/inngest/client";
import { createEmbeddedExecutor, type EmbeddedExecutor } from "@/inngest/embedded/executor";
import { functions } from "@/inngest/functions";
import { embeddedPublisher, inngestHandler } from "@/inngest/runtime";
import { setOutboxPublisher, type OutboxPublisher } from "@/lib/outbox/publisher";
import { kickOutboxRelay, outboxIdle, relayOutbox } from "@/lib/outbox/relay";

export function testExecutor(): EmbeddedExecutor {
  return createEmbeddedExecutor({
    client: inngest,
    functions,
    handler: inngestHandler,
    direct: true, // as the app runs them (inngest/runtime.ts)
    signingKey: embeddedSigningKey,
    backoffMs: () => 5,
  });
}

/** Installs an executor as the process's outbox publisher (what instrumentation.ts does in the app). */
export function useEmbeddedRuntime() {
  const executor = testExecutor();
  const publisher = embeddedPublisher(executor);
  setOutboxPublisher(publisher);
  return {
    executor,
    publisher,
    /** Relays whatever is due and waits for the runs it started (and those kicked by requests). */
    async drain() {
      await outboxIdle(); // what requests handed to the relay after their response
      await kickOutboxRelay();
      await executor.idle();
      await relayOutbox(publisher);
      await executor.idle();
    },
    uninstall: () => setOutboxPublisher(undefined),
  };
}

export type { OutboxPublisher };

/**
 * A fresh embedded runtime for each test of the calling file (or describe): installed before it, and after it, what
 * its last request left in the outbox runs before the runtime goes (never against a database closed meanwhile).
 */
export function embeddedRuntimeEachTest() {
  // Not a React hook, whatever its name says: an alias keeps the hooks lint rule out of it.
  const install = useEmbeddedRuntime;
  let runtime: ReturnType<typeof useEmbeddedRuntime> | undefined;
  beforeEach(() => {
    runtime = install();
  });
  afterEach(async () => {
    await runtime?.drain();
    runtime?.uninstall();
    runtime = undefined;
  });
  return {
    /** Relays what is due and waits for every run it started. */
    drain: async () => {
      await runtime?.drain();
    },
    /** No background work runs from here until resume(): what requests record stays in the outbox. */
    pause() {
      runtime?.uninstall();
      runtime = undefined;
    },
    resume() {
      runtime = install();
    },
  };
}
