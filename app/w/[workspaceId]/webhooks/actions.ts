"use server";
import { revalidatePath } from "next/cache";
import { redeliverWebhook, sendTestWebhook } from "@/lib/domain/webhooks/deliveries";
import {
  createWebhookEndpoint,
  deleteWebhookEndpointFor,
  rotateWebhookSecret,
  updateWebhookEndpointFor,
} from "@/lib/domain/webhooks/manage-endpoints";
import { action } from "@/lib/http/action";
import {
  createWebhookForm,
  webhookDeliveryRefForm,
  webhookEnableForm,
  webhookRefForm,
} from "@/lib/validation/webhooks";

const pages = (workspaceId: string, webhookId?: string) => {
  revalidatePath(`/w/${workspaceId}/webhooks`);
  if (webhookId) revalidatePath(`/w/${workspaceId}/webhooks/${webhookId}`);
};

/** Returns the signing secret this once; only its encrypted form is kept. */
export const createWebhookAction = action(createWebhookForm, async ({ actor, data: { workspaceId, ...input } }) => {
  const created = await createWebhookEndpoint(actor, workspaceId, input);
  pages(workspaceId);
  return { id: created.id, url: created.url, secret: created.secret };
});

export const rotateWebhookSecretAction = action(webhookRefForm, async ({ actor, data: { workspaceId, webhookId } }) => {
  const rotated = await rotateWebhookSecret(actor, workspaceId, webhookId, { overlapHours: 24 });
  pages(workspaceId, webhookId);
  return { id: rotated.id, url: rotated.url, secret: rotated.secret };
});

export const setWebhookEnabledAction = action(
  webhookEnableForm,
  async ({ actor, data: { workspaceId, webhookId, enabled } }) => {
    await updateWebhookEndpointFor(actor, workspaceId, webhookId, { enabled });
    pages(workspaceId, webhookId);
    return { enabled };
  },
);

export const deleteWebhookAction = action(webhookRefForm, async ({ actor, data: { workspaceId, webhookId } }) => {
  await deleteWebhookEndpointFor(actor, workspaceId, webhookId);
  pages(workspaceId, webhookId);
  return { deleted: webhookId };
});

export const testWebhookAction = action(webhookRefForm, async ({ actor, data: { workspaceId, webhookId } }) => {
  const delivery = await sendTestWebhook(actor, workspaceId, webhookId);
  pages(workspaceId, webhookId);
  return { deliveryId: delivery.id };
});

export const redeliverWebhookAction = action(
  webhookDeliveryRefForm,
  async ({ actor, data: { workspaceId, webhookId, deliveryId } }) => {
    await redeliverWebhook(actor, workspaceId, webhookId, deliveryId);
    pages(workspaceId, webhookId);
    return { deliveryId };
  },
);
