// A workspace event happened: one webhook delivery per subscribed endpoint whose creator may see it, then a first
// attempt of each (one step per delivery). Failed ones are retried on schedule by webhook-sweep.
import { attemptWebhookDelivery } from "@/lib/domain/webhooks/deliver";
import { fanOutWebhookEvent, workspaceSubscribesTo } from "@/lib/domain/webhooks/fan-out";
import type { WebhookSourceEvent } from "@/lib/domain/webhooks/payloads";
import type { EventData } from "@/lib/validation/events";
import { inngest } from "../client";
import { events } from "../events";

export const webhookFanOutFn = inngest.createFunction(
  {
    id: "webhook-fan-out",
    retries: 5,
    triggers: [
      events["post/created"],
      events["post/updated"],
      events["post/deleted"],
      events["comment/created"],
      events["workspace/member-joined"],
      events["member/left"],
      events["channel/created"],
      events["file/ready"],
    ],
  },
  async ({ event, step }) => {
    const eventId = event.id;
    if (!eventId) throw new Error("a webhook source event needs its id (the outbox row id)");
    const name = event.name as WebhookSourceEvent;
    const { workspaceId } = event.data as { workspaceId: string };
    // No endpoint wants it (the usual case): done in one call, with no step and no statement. Deliveries an earlier
    // run made before the endpoint went away are retried by webhook-sweep.
    if (!(await workspaceSubscribesTo(name, workspaceId))) return { deliveries: 0, succeeded: 0 };
    const occurredAt = new Date(event.ts ?? Date.now());
    const deliveryIds = await step.run("fan-out", () =>
      fanOutWebhookEvent(name, event.data as EventData<WebhookSourceEvent>, eventId, occurredAt),
    );
    const outcomes = await Promise.all(
      deliveryIds.map((id) => step.run(`deliver-${id}`, () => attemptWebhookDelivery(id))),
    );
    return {
      deliveries: deliveryIds.length,
      succeeded: outcomes.filter((o) => o.attempted && o.status === "SUCCEEDED").length,
    };
  },
);
