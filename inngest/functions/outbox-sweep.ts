// Every minute: publish outbox rows still pending (Inngest was unreachable, the process died between commit and
// publish, or a delivery failed and its backoff is over). Rows normally leave right after their request.
import { cron } from "inngest";
import { relayOutbox } from "@/lib/outbox/relay";
import { inngest } from "../client";

export const outboxSweepFn = inngest.createFunction(
  { id: "outbox-sweep", retries: 0, triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
  async ({ step }) =>
    step.run("relay-due-events", async () => {
      // Imported here: the runtime builds the serve handler from the function list, which includes this file.
      const { outboxPublisher } = await import("../runtime");
      const { errors: _errors, ...counts } = await relayOutbox(outboxPublisher());
      return counts;
    }),
);
