// Webhooks: endpoints registered per workspace by admins, their delivery logs, redelivery and test events. The
// signing secret leaves once, in the create and rotate responses.
import { pageQuery, workspaceParams } from "../common";
import { contract } from "../contract";
import {
  createWebhookInput,
  rotateWebhookSecretInput,
  updateWebhookInput,
  webhookDeliveryListResponse,
  webhookDeliveryParams,
  webhookDeliveryResponse,
  webhookListResponse,
  webhookParams,
  webhookResponse,
  webhookWithSecretResponse,
} from "../webhooks";

const tag = "Webhooks";
const auth = { scope: "admin" } as const;

export const listWebhooksContract = contract({
  operationId: "listWebhooks",
  method: "GET",
  path: "/workspaces/{workspaceId}/webhooks",
  tag,
  summary: "List webhook endpoints (admins)",
  auth,
  params: workspaceParams,
  query: pageQuery,
  response: webhookListResponse,
  paginated: true,
  status: 200,
  maxStatements: 2,
});

export const createWebhookContract = contract({
  operationId: "createWebhook",
  method: "POST",
  path: "/workspaces/{workspaceId}/webhooks",
  tag,
  summary: "Register a webhook endpoint; its signing secret is in this response only",
  auth,
  params: workspaceParams,
  body: createWebhookInput,
  response: webhookWithSecretResponse,
  status: 201,
  maxStatements: 5,
  secretResponse: true,
});

export const getWebhookContract = contract({
  operationId: "getWebhook",
  method: "GET",
  path: "/workspaces/{workspaceId}/webhooks/{webhookId}",
  tag,
  summary: "Get a webhook endpoint",
  auth,
  params: webhookParams,
  response: webhookResponse,
  status: 200,
  maxStatements: 2,
});

export const updateWebhookContract = contract({
  operationId: "updateWebhook",
  method: "PATCH",
  path: "/workspaces/{workspaceId}/webhooks/{webhookId}",
  tag,
  summary: "Change a webhook endpoint's URL, description or events, or turn it off and on",
  auth,
  params: webhookParams,
  body: updateWebhookInput,
  response: webhookResponse,
  status: 200,
  maxStatements: 6,
});

export const deleteWebhookContract = contract({
  operationId: "deleteWebhook",
  method: "DELETE",
  path: "/workspaces/{workspaceId}/webhooks/{webhookId}",
  tag,
  summary: "Delete a webhook endpoint and its delivery log",
  auth,
  params: webhookParams,
  response: webhookResponse,
  status: 200,
  maxStatements: 6,
});

export const rotateWebhookSecretContract = contract({
  operationId: "rotateWebhookSecret",
  method: "POST",
  path: "/workspaces/{workspaceId}/webhooks/{webhookId}/rotate-secret",
  tag,
  summary: "Rotate the signing secret; the previous one still signs during the overlap. The new one is shown once",
  auth,
  params: webhookParams,
  body: rotateWebhookSecretInput,
  response: webhookWithSecretResponse,
  status: 200,
  maxStatements: 7,
  secretResponse: true,
});

export const listWebhookDeliveriesContract = contract({
  operationId: "listWebhookDeliveries",
  method: "GET",
  path: "/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries",
  tag,
  summary: "List an endpoint's deliveries, newest first, each with its attempts",
  auth,
  params: webhookParams,
  query: pageQuery,
  response: webhookDeliveryListResponse,
  paginated: true,
  status: 200,
  maxStatements: 4,
});

export const redeliverWebhookContract = contract({
  operationId: "redeliverWebhook",
  method: "POST",
  path: "/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver",
  tag,
  summary: "Deliver one delivery again now (same webhook-id and payload)",
  auth,
  params: webhookDeliveryParams,
  response: webhookDeliveryResponse,
  status: 200,
  maxStatements: 8, // +3: the audit row (the chain's lock, its head, the row)
  errors: ["CONFLICT"],
});

export const testWebhookContract = contract({
  operationId: "testWebhook",
  method: "POST",
  path: "/workspaces/{workspaceId}/webhooks/{webhookId}/test",
  tag,
  summary: "Send a `webhook.test` event to this endpoint",
  auth,
  params: webhookParams,
  response: webhookDeliveryResponse,
  status: 201,
  maxStatements: 9, // +3: the audit row (the chain's lock, its head, the row)
  errors: ["CONFLICT"],
});
