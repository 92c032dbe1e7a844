// The `webhooks` section of the OpenAPI document: one entry per event type, whose request body is the payload's
// schema (what Tidings POSTs to an endpoint) and whose headers are the Standard Webhooks signature headers.
import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { webhookEventDescriptions, webhookEventTypes, webhookPayload, type WebhookEventType } from "./webhooks";

const signatureHeaders = z.object({
  "webhook-id": z.string().meta({ description: "The message id: the same on every retry and redelivery." }),
  "webhook-timestamp": z.string().meta({ description: "Seconds since the Unix epoch when this attempt was signed." }),
  "webhook-signature": z.string().meta({
    description:
      "Space-separated `v1,<base64 HMAC-SHA256>` signatures of `<webhook-id>.<webhook-timestamp>.<body>` (two during a secret rotation's overlap). Verify with the `standardwebhooks` package.",
  }),
});

const pascal = (type: WebhookEventType) =>
  type
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

/** The payload schema of each event type, under the component name the document gives it. */
export const publishedWebhookSchemas = Object.fromEntries(
  webhookEventTypes.map((type) => [type, webhookPayload(type).meta({ id: `${pascal(type)}Event` })]),
) as { [T in WebhookEventType]: ReturnType<typeof webhookPayload<T>> };

export function webhookOperations(): ZodOpenApiPathsObject {
  return Object.fromEntries(
    webhookEventTypes.map((type) => [
      type,
      {
        post: {
          operationId: `${pascal(type).replace(/^./, (c) => c.toLowerCase())}Webhook`,
          summary: type,
          description: `${webhookEventDescriptions[type]} Retried with backoff until the endpoint answers 2xx.`,
          tags: ["Webhooks"],
          security: [],
          requestParams: { header: signatureHeaders },
          requestBody: {
            required: true,
            content: { "application/json": { schema: publishedWebhookSchemas[type] } },
          },
          responses: {
            "200": {
              description: "Any 2xx status acknowledges the event; anything else (or no answer in 10 s) is retried.",
            },
          },
        },
      },
    ]),
  );
}
