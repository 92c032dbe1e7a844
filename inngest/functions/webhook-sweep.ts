// Every minute: attempt the webhook deliveries that are due — retries whose backoff is over, and deliveries whose
// attempt was lost with its process (their lease ran out). Nothing is lost: a delivery stays due until it settles.
import { cron } from "inngest";
import { attemptWebhookDelivery, listDueWebhookDeliveries } from "@/lib/domain/webhooks/deliver";
import { inngest } from "../client";

export const webhookSweepFn = inngest.createFunction(
  { id: "webhook-sweep", retries: 0, triggers: [cron("* * * * *")], concurrency: { limit: 1 } },
  async ({ step }) => {
    const due = await step.run("list-due", () => listDueWebhookDeliveries());
    const outcomes = await Promise.all(due.map((id) => step.run(`deliver-${id}`, () => attemptWebhookDelivery(id))));
    return { due: due.length, attempted: outcomes.filter((o) => o.attempted).length };
  },
);
