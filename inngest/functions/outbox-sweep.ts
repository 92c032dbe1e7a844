// Every minute: publish outbox rows still pending (Inngest was unreachable, the process died between commit and
// publish, or a delivery failed and its backoff is over). Rows normally leave right after their request.
import { cron } from "inngest";
import { currentOutboxPublisher } from "@/lib/outbox/publisher";
import { relayOutbox } from "@/lib/outbox/relay";
import { inngest } from "../client";

export const outboxSweepFn = inngest.createFunction(
  { id: "outbox-sweep", retries: 0, triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
  async ({ step }) =>
    step.run("relay-due-events", async () => {
      // The process's publisher, installed by inngest/runtime.ts at server start (both modes).
      const publisher = currentOutboxPublisher();
      if (!publisher) throw new Error("no outbox publisher: the background runtime is not started");
      const { errors: _errors, ...counts } = await relayOutbox(publisher);
      return counts;
    }),
);
