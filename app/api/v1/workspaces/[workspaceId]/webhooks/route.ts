// GET, POST /api/v1/workspaces/{workspaceId}/webhooks
import { createWebhookEndpoint, listWebhookEndpointsFor } from "@/lib/domain/webhooks/manage-endpoints";
import { route } from "@/lib/http/route";
import { createWebhookContract, listWebhooksContract } from "@/lib/validation/api/webhooks";

export const GET = route(listWebhooksContract, ({ actor, params, query }) =>
  listWebhookEndpointsFor(actor, params.workspaceId, query),
);
export const POST = route(createWebhookContract, ({ actor, params, body }) =>
  createWebhookEndpoint(actor, params.workspaceId, body),
);
