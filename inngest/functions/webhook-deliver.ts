// An admin redelivered a delivery or sent a test event: attempt it now.
import { attemptWebhookDelivery } from "@/lib/domain/webhooks/deliver";
import { inngest } from "../client";
import { events } from "../events";

export const webhookDeliverFn = inngest.createFunction(
  { id: "webhook-deliver", retries: 3, triggers: [events["webhook/delivery-requested"]] },
  async ({ event, step }) => step.run("deliver", () => attemptWebhookDelivery(event.data.deliveryId)),
);
