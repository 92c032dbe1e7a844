// An endpoint's delivery log, redelivering one delivery, and sending a test event: admins and owners only.
import { randomUUID } from "node:crypto";
import { getDb } from "@/lib/data/db/client";
import { transaction } from "@/lib/data/db/transaction";
import {
  findWebhookDelivery,
  insertWebhookDelivery,
  listWebhookDeliveries,
  requeueWebhookDelivery,
} from "@/lib/data/webhooks";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/outbox/record";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { recordAudit } from "../audit/record-audit";
import { decodeCursor, paginate } from "../pagination";
import { webhookMessageId } from "./fan-out";
import { getWebhookEndpointOrThrow } from "./manage-endpoints";

export async function listWebhookDeliveriesFor(actor: Actor, workspaceId: string, webhookId: string, page: PageQuery) {
  await getWebhookEndpointOrThrow(actor, workspaceId, webhookId);
  const after = decodeCursor(page.cursor);
  const db = await getDb();
  return paginate(page.limit, (take) => listWebhookDeliveries(db, webhookId, take, after));
}

/** Another attempt now, with the same webhook-id and payload (receivers drop it if they already have it). */
export async function redeliverWebhook(actor: Actor, workspaceId: string, webhookId: string, deliveryId: string) {
  const endpoint = await getWebhookEndpointOrThrow(actor, workspaceId, webhookId);
  if (endpoint.disabledAt) throw new AppError("CONFLICT", "This endpoint is turned off: turn it on to redeliver");
  const db = await getDb();
  const delivery = await findWebhookDelivery(db, deliveryId);
  if (!delivery || delivery.endpointId !== webhookId) throw notFound("Delivery");
  const requeued = await transaction(db, async (tx) => {
    const row = await requeueWebhookDelivery(tx, deliveryId, new Date());
    await recordEvent(tx, "webhook/delivery-requested", { deliveryId });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.redelivered",
      target: { type: "webhook", id: webhookId },
      before: null,
      after: { deliveryId, eventType: delivery.eventType },
    });
    return row;
  });
  return { ...requeued, attemptLog: [] };
}

/** A `webhook.test` event to this endpoint only; its delivery shows in the log like any other. */
export async function sendTestWebhook(actor: Actor, workspaceId: string, webhookId: string) {
  const endpoint = await getWebhookEndpointOrThrow(actor, workspaceId, webhookId);
  if (endpoint.disabledAt) throw new AppError("CONFLICT", "This endpoint is turned off: turn it on to send a test");
  const now = new Date();
  const eventId = webhookMessageId(randomUUID());
  const payload = {
    type: "webhook.test",
    timestamp: now.toISOString(),
    data: { endpointId: webhookId, message: "A test event from Tidings: this endpoint receives and verifies events." },
  };
  const db = await getDb();
  return transaction(db, async (tx) => {
    const delivery = await insertWebhookDelivery(tx, {
      eventId,
      endpointId: webhookId,
      workspaceId,
      eventType: "webhook.test",
      payload,
      nextAttemptAt: now,
    });
    await recordEvent(tx, "webhook/delivery-requested", { deliveryId: delivery.id });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.test_sent",
      target: { type: "webhook", id: webhookId },
      before: null,
      after: { deliveryId: delivery.id },
    });
    return delivery;
  });
}
