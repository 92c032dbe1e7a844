// POST /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver
import { redeliverWebhook } from "@/lib/domain/webhooks/deliveries";
import { route } from "@/lib/http/route";
import { redeliverWebhookContract } from "@/lib/validation/api/webhooks";

export const POST = route(redeliverWebhookContract, ({ actor, params }) =>
  redeliverWebhook(actor, params.workspaceId, params.webhookId, params.deliveryId),
);
