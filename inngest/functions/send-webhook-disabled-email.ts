// An endpoint was auto-disabled after failing for days: email its workspace's admins and owners.
import { emailWebhookDisabled } from "@/lib/domain/webhooks/notify-disabled";
import { inngest } from "../client";
import { events } from "../events";

export const sendWebhookDisabledEmailFn = inngest.createFunction(
  { id: "send-webhook-disabled-email", retries: 5, triggers: [events["webhook/endpoint-disabled"]] },
  async ({ event, step }) =>
    step.run("email-admins", () => emailWebhookDisabled(event.data.endpointId, `webhook-disabled/${event.id}`)),
);
