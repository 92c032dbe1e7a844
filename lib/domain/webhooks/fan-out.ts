// An event happened: one delivery per (event, subscribed endpoint whose creator may see it), created once whatever
// the retries (unique per event and endpoint). Deliveries are attempted by ./deliver.ts.
import { cachedComputed, forgetComputed, webhooksScope } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import {
  insertWebhookDeliveries,
  listDueDeliveriesOfEvent,
  listSubscribedEndpoints,
  listSubscribedEventTypes,
} from "@/lib/data/webhooks";
import type { EventData } from "@/lib/validation/events";
import { buildWebhookEvent, mayReceive, webhookTypeOf, type WebhookSourceEvent } from "./payloads";

/**
 * Whether an enabled endpoint of the workspace subscribes to the event's webhook type: most workspaces have none, and
 * the cache says so without a statement. Every change to a workspace's endpoints renews it (forgetWebhookEndpoints).
 */
export async function workspaceSubscribesTo(name: WebhookSourceEvent, workspaceId: string): Promise<boolean> {
  const types = await cachedComputed(webhooksScope(workspaceId), `webhook-types:${workspaceId}`, async () =>
    listSubscribedEventTypes(await getDb(), workspaceId),
  );
  return types.includes(webhookTypeOf[name]);
}

/** Called once a change to the workspace's endpoints (made, changed, turned on or off, deleted) has committed. */
export const forgetWebhookEndpoints = (workspaceId: string) => forgetComputed([webhooksScope(workspaceId)]);

/** The webhook-id of an event: the outbox row's id, the same for every endpoint, attempt and redelivery. */
export const webhookMessageId = (eventId: string) => `msg_${eventId.replace(/[^A-Za-z0-9_-]/g, "")}`;

export async function fanOutWebhookEvent<N extends WebhookSourceEvent>(
  name: N,
  data: EventData<N>,
  eventId: string,
  occurredAt: Date,
  now = new Date(),
): Promise<string[]> {
  const db = await getDb();
  const type = webhookTypeOf[name];
  const msgId = webhookMessageId(eventId);
  const workspaceId = (data as { workspaceId: string }).workspaceId;
  const endpoints = await listSubscribedEndpoints(db, workspaceId, type);
  if (endpoints.length > 0) {
    const event = await buildWebhookEvent(db, name, data);
    if (event) {
      const payload = { type, timestamp: occurredAt.toISOString(), data: event.data };
      const rows = [];
      for (const endpoint of endpoints) {
        if (!(await mayReceive(db, endpoint.createdById, event))) continue;
        rows.push({
          eventId: msgId,
          endpointId: endpoint.id,
          workspaceId,
          eventType: type,
          payload,
          nextAttemptAt: now,
        });
      }
      await insertWebhookDeliveries(db, rows);
    }
  }
  // Also those a previous run of this step created but did not get to attempt.
  return (await listDueDeliveriesOfEvent(db, msgId, now)).map((d) => d.id);
}
