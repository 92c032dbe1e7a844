// One attempt of one delivery: lease it, sign it, POST it (SSRF-guarded, with a timeout), log the attempt, and settle
// the delivery (succeeded, retry later, or dead) and its endpoint's failure record in one transaction.
import { getDb } from "@/lib/data/db/client";
import { transaction } from "@/lib/data/db/transaction";
import { openWebhookSecret } from "@/lib/data/webhook-secrets";
import { postWebhook, type WebhookResponse } from "@/lib/data/webhook-transport";
import {
  claimWebhookDelivery,
  findWebhookDeliveryForSend,
  insertWebhookAttempt,
  listDueDeliveries,
  settleWebhookDelivery,
  updateWebhookEndpoint,
} from "@/lib/data/webhooks";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { recordEvent } from "@/lib/outbox/record";
import { allowPrivateWebhookAddresses } from "./endpoint-url";
import { forgetWebhookEndpoints } from "./fan-out";
import { AUTO_DISABLE_AFTER_MS, leaseUntil, nextAttemptAfterFailure } from "./schedule";
import { signatureHeaders } from "./signing";

export type AttemptOutcome =
  | { attempted: false }
  | { attempted: true; status: "SUCCEEDED" | "FAILED" | "DEAD"; statusCode: number | null; disabled: boolean };

/** Attempts the delivery if it is due and no one else holds it; otherwise does nothing. */
export async function attemptWebhookDelivery(deliveryId: string, now = new Date()): Promise<AttemptOutcome> {
  const db = await getDb();
  if (!(await claimWebhookDelivery(db, deliveryId, now, leaseUntil(now, env.WEBHOOK_TIMEOUT_MS)))) {
    return { attempted: false };
  }
  const delivery = await findWebhookDeliveryForSend(db, deliveryId);
  if (!delivery) return { attempted: false };
  const { endpoint } = delivery;

  let response: WebhookResponse;
  try {
    const secrets = [openWebhookSecret(endpoint.secretCiphertext)];
    if (
      endpoint.previousSecretCiphertext &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > now
    ) {
      secrets.push(openWebhookSecret(endpoint.previousSecretCiphertext));
    }
    const body = JSON.stringify(delivery.payload);
    const headers = {
      "content-type": "application/json",
      "user-agent": "Tidings-Webhooks/1.0",
      ...signatureHeaders(secrets, delivery.eventId, new Date(), body),
    };
    response = await postWebhook(endpoint.url, body, headers, {
      timeoutMs: env.WEBHOOK_TIMEOUT_MS,
      allowPrivate: allowPrivateWebhookAddresses(),
    });
  } catch (error) {
    // A secret that cannot be opened (AUTH_SECRET changed): logged as a failed attempt, retried like one.
    response = { ok: false, statusCode: null, durationMs: 0, responseExcerpt: null, error: (error as Error).message };
  }

  const settledAt = new Date(Math.max(now.getTime(), Date.now()));
  const next = response.ok ? null : nextAttemptAfterFailure(delivery.attempts, settledAt);
  const status = response.ok ? "SUCCEEDED" : next ? "FAILED" : "DEAD";
  const failingSince = response.ok ? null : (endpoint.failingSince ?? settledAt);
  const disable = !response.ok && settledAt.getTime() - failingSince!.getTime() >= AUTO_DISABLE_AFTER_MS;

  await transaction(db, async (tx) => {
    await insertWebhookAttempt(tx, {
      deliveryId,
      statusCode: response.statusCode,
      durationMs: response.durationMs,
      responseExcerpt: response.responseExcerpt,
      error: response.error,
    });
    await settleWebhookDelivery(tx, deliveryId, { status, nextAttemptAt: next });
    if (disable) {
      await updateWebhookEndpoint(tx, endpoint.id, {
        failingSince,
        disabledAt: settledAt,
        disabledReason: "failing",
      });
      await recordEvent(tx, "webhook/endpoint-disabled", { endpointId: endpoint.id });
    } else if (failingSince?.getTime() !== endpoint.failingSince?.getTime()) {
      await updateWebhookEndpoint(tx, endpoint.id, { failingSince });
    }
  });
  if (disable) {
    log.warn("webhook endpoint disabled after failing for days", { endpointId: endpoint.id });
    await forgetWebhookEndpoints(delivery.workspaceId);
  }
  return { attempted: true, status, statusCode: response.statusCode, disabled: disable };
}

/** Deliveries due by `now` (new ones, retries whose time has come, and leases a dead process left behind). */
export async function listDueWebhookDeliveries(now = new Date(), limit = 50): Promise<string[]> {
  return (await listDueDeliveries(await getDb(), now, limit)).map((d) => d.id);
}
