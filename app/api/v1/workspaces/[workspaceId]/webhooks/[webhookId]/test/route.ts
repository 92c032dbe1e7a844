// POST /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/test
import { sendTestWebhook } from "@/lib/domain/webhooks/deliveries";
import { route } from "@/lib/http/route";
import { testWebhookContract } from "@/lib/validation/api/webhooks";

export const POST = route(testWebhookContract, ({ actor, params }) =>
  sendTestWebhook(actor, params.workspaceId, params.webhookId),
);
