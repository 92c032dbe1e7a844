// Drives the background work in integration tests: the real functions through the SDK's execution engine, in this
// process (the embedded executor, as the app runs it), with fast retries; `drain()` relays the outbox and waits for every run.
import { embeddedSigningKey, inngest } from "@/inngest/client";
import { createEmbeddedExecutor, type EmbeddedExecutor } from "@/inngest/embedded/executor";
import { functions } from "@/inngest/functions";
import { embeddedPublisher, inngestHandler } from "@/inngest/runtime";
import { setOutboxPublisher, type OutboxPublisher } from "@/lib/outbox/publisher";
import { kickOutboxRelay, relayOutbox } from "@/lib/outbox/relay";

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
      await kickOutboxRelay();
      await executor.idle();
      await relayOutbox(publisher);
      await executor.idle();
    },
    uninstall: () => setOutboxPublisher(undefined),
  };
}

export type { OutboxPublisher };
