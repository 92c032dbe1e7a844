// Register, list, read, change, delete webhook endpoints and rotate their secrets: admins and owners only.
import { getDb } from "@/lib/data/db/client";
import { transaction } from "@/lib/data/db/transaction";
import { sealWebhookSecret } from "@/lib/data/webhook-secrets";
import {
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  findWebhookEndpointWithSecrets,
  insertWebhookEndpoint,
  listWebhookEndpoints,
  updateWebhookEndpoint,
  type WebhookEndpointRow,
} from "@/lib/data/webhooks";
import { notFound } from "@/lib/errors";
import type { PageQuery } from "@/lib/validation/common";
import type { CreateWebhookInput, UpdateWebhookInput } from "@/lib/validation/webhooks";
import type { Actor } from "../actor";
import { decodeCursor, paginate } from "../pagination";
import { assertCanManageWebhooks } from "../policy";
import { recordAudit } from "../audit/record-audit";
import { forgetWebhookEndpoints } from "./fan-out";
import { assertAllowedEndpointUrl } from "./endpoint-url";
import { generateWebhookSecret } from "./signing";

export async function createWebhookEndpoint(actor: Actor, workspaceId: string, input: CreateWebhookInput) {
  assertCanManageWebhooks(actor, workspaceId);
  assertAllowedEndpointUrl(input.url);
  const secret = generateWebhookSecret();
  // In a transaction, so a write sent with an Idempotency-Key registers one endpoint however often it is retried.
  const row = await transaction(await getDb(), async (tx) => {
    const created = await insertWebhookEndpoint(tx, {
      workspaceId,
      url: input.url,
      description: input.description,
      events: input.events,
      secretCiphertext: sealWebhookSecret(secret),
      createdById: actor.userId,
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.created",
      target: { type: "webhook", id: created.id },
      before: null,
      after: { url: created.url, description: created.description, events: created.events },
    });
    return created;
  });
  await forgetWebhookEndpoints(workspaceId);
  return { ...row, secret };
}

export async function listWebhookEndpointsFor(actor: Actor, workspaceId: string, page: PageQuery) {
  assertCanManageWebhooks(actor, workspaceId);
  const after = decodeCursor(page.cursor);
  const db = await getDb();
  return paginate(page.limit, (take) => listWebhookEndpoints(db, workspaceId, take, after));
}

/** The endpoint, if it is in this workspace and the actor manages its webhooks; 404 otherwise. */
export async function getWebhookEndpointOrThrow(
  actor: Actor,
  workspaceId: string,
  webhookId: string,
): Promise<WebhookEndpointRow> {
  assertCanManageWebhooks(actor, workspaceId);
  const endpoint = await findWebhookEndpoint(await getDb(), webhookId);
  if (!endpoint || endpoint.workspaceId !== workspaceId) throw notFound("Webhook");
  return endpoint;
}

export async function updateWebhookEndpointFor(
  actor: Actor,
  workspaceId: string,
  webhookId: string,
  input: UpdateWebhookInput,
) {
  const endpoint = await getWebhookEndpointOrThrow(actor, workspaceId, webhookId);
  if (input.url !== undefined) assertAllowedEndpointUrl(input.url);
  const enabling = input.enabled === true && endpoint.disabledAt !== null;
  const disabling = input.enabled === false && endpoint.disabledAt === null;
  const changed = await transaction(await getDb(), async (tx) => {
    const updated = await updateWebhookEndpoint(tx, webhookId, {
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.events !== undefined ? { events: input.events } : {}),
      // Turned back on: it starts with a clean record, so it is not disabled again by its old failures.
      ...(enabling ? { disabledAt: null, disabledReason: null, failingSince: null } : {}),
      ...(disabling ? { disabledAt: new Date(), disabledReason: "manual" } : {}),
    });
    const facts = (e: WebhookEndpointRow) => ({
      url: e.url,
      description: e.description,
      events: e.events,
      enabled: e.disabledAt === null,
    });
    const [before, after] = [facts(endpoint), facts(updated)];
    if (JSON.stringify(before) !== JSON.stringify(after))
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: enabling ? "webhook.enabled" : disabling ? "webhook.disabled" : "webhook.updated",
        target: { type: "webhook", id: webhookId },
        before,
        after,
      });
    return updated;
  });
  await forgetWebhookEndpoints(workspaceId);
  return changed;
}

export async function deleteWebhookEndpointFor(actor: Actor, workspaceId: string, webhookId: string) {
  const endpoint = await getWebhookEndpointOrThrow(actor, workspaceId, webhookId);
  await transaction(await getDb(), async (tx) => {
    await deleteWebhookEndpoint(tx, webhookId);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.deleted",
      target: { type: "webhook", id: webhookId },
      before: { url: endpoint.url, description: endpoint.description, events: endpoint.events },
      after: null,
    });
  });
  await forgetWebhookEndpoints(workspaceId);
  return endpoint;
}

/** A new secret, shown once; the current one becomes the previous and still signs for `overlapHours`. */
export async function rotateWebhookSecret(
  actor: Actor,
  workspaceId: string,
  webhookId: string,
  input: { overlapHours: number },
) {
  await getWebhookEndpointOrThrow(actor, workspaceId, webhookId);
  const secret = generateWebhookSecret();
  const db = await getDb();
  const row = await transaction(db, async (tx) => {
    const current = await findWebhookEndpointWithSecrets(tx, webhookId);
    if (!current) throw notFound("Webhook");
    const overlap = input.overlapHours > 0;
    const rotated = await updateWebhookEndpoint(tx, webhookId, {
      secretCiphertext: sealWebhookSecret(secret),
      previousSecretCiphertext: overlap ? current.secretCiphertext : null,
      previousSecretExpiresAt: overlap ? new Date(Date.now() + input.overlapHours * 3_600_000) : null,
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "webhook.secret_rotated",
      target: { type: "webhook", id: webhookId },
      before: null,
      after: { overlapHours: input.overlapHours }, // never the secret
    });
    return rotated;
  });
  return { ...row, secret };
}
