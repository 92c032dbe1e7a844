// GET, PATCH, DELETE /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}
import {
  deleteWebhookEndpointFor,
  getWebhookEndpointOrThrow,
  updateWebhookEndpointFor,
} from "@/lib/domain/webhooks/manage-endpoints";
import { route } from "@/lib/http/route";
import { deleteWebhookContract, getWebhookContract, updateWebhookContract } from "@/lib/validation/api/webhooks";

export const GET = route(getWebhookContract, ({ actor, params }) =>
  getWebhookEndpointOrThrow(actor, params.workspaceId, params.webhookId),
);
export const PATCH = route(updateWebhookContract, ({ actor, params, body }) =>
  updateWebhookEndpointFor(actor, params.workspaceId, params.webhookId, body),
);
export const DELETE = route(deleteWebhookContract, ({ actor, params }) =>
  deleteWebhookEndpointFor(actor, params.workspaceId, params.webhookId),
);
