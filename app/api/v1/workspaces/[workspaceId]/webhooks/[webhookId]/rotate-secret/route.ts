// POST /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/rotate-secret
import { rotateWebhookSecret } from "@/lib/domain/webhooks/manage-endpoints";
import { route } from "@/lib/http/route";
import { rotateWebhookSecretContract } from "@/lib/validation/api/webhooks";

export const POST = route(rotateWebhookSecretContract, ({ actor, params, body }) =>
  rotateWebhookSecret(actor, params.workspaceId, params.webhookId, body),
);
