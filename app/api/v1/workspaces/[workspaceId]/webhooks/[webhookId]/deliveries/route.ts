// GET /api/v1/workspaces/{workspaceId}/webhooks/{webhookId}/deliveries
import { listWebhookDeliveriesFor } from "@/lib/domain/webhooks/deliveries";
import { route } from "@/lib/http/route";
import { listWebhookDeliveriesContract } from "@/lib/validation/api/webhooks";

export const GET = route(listWebhookDeliveriesContract, ({ actor, params, query }) =>
  listWebhookDeliveriesFor(actor, params.workspaceId, params.webhookId, query),
);
