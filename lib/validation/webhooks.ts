// Webhooks: endpoint inputs and responses, and the payload of every event type (Standard Webhooks 1.0: the body is
// { type, timestamp, data }). The payload schemas are published in the OpenAPI document under `webhooks`.
import { z } from "zod";
import { checkboxList, dateOut, id, inWorkspace, isoDate, nullableDateOut, text, userSummary } from "./common";

// ---- Event payloads ----

const channelKind = z.enum(["PUBLIC", "PRIVATE", "ANNOUNCEMENT"]);

const postData = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    channelId: z.string(),
    title: z.string(),
    body: z.string().meta({ description: "Markdown source." }),
    author: userSummary,
    createdAt: isoDate,
    editedAt: isoDate.nullable(),
  })
  .meta({ id: "WebhookPost" });

export const webhookEventData = {
  "post.created": postData,
  "post.updated": postData,
  "post.deleted": z
    .object({
      id: z.string(),
      workspaceId: z.string(),
      channelId: z.string(),
      deletedAt: isoDate,
      deletedBy: userSummary.nullable(),
    })
    .meta({ id: "WebhookPostDeleted" }),
  "comment.created": z
    .object({
      id: z.string(),
      workspaceId: z.string(),
      channelId: z.string(),
      postId: z.string(),
      body: z.string().meta({ description: "Markdown source." }),
      author: userSummary,
      createdAt: isoDate,
    })
    .meta({ id: "WebhookComment" }),
  "member.joined": z
    .object({ workspaceId: z.string(), user: userSummary, role: z.enum(["OWNER", "ADMIN", "MEMBER", "GUEST"]) })
    .meta({ id: "WebhookMemberJoined" }),
  "member.left": z
    .object({
      workspaceId: z.string(),
      user: userSummary,
      reason: z.enum(["left", "removed"]).meta({ description: "`left` by themselves, or `removed` by an admin." }),
    })
    .meta({ id: "WebhookMemberLeft" }),
  "channel.created": z
    .object({
      id: z.string(),
      workspaceId: z.string(),
      name: z.string(),
      description: z.string(),
      kind: channelKind,
      createdAt: isoDate,
    })
    .meta({ id: "WebhookChannel" }),
  "file.ready": z
    .object({
      id: z.string(),
      workspaceId: z.string(),
      postId: z.string().nullable(),
      commentId: z.string().nullable(),
      name: z.string(),
      type: z.string(),
      size: z.number().int(),
      width: z.number().int().nullable(),
      height: z.number().int().nullable(),
    })
    .meta({ id: "WebhookFile" }),
  "webhook.test": z
    .object({ endpointId: z.string(), message: z.string() })
    .meta({ id: "WebhookTest", description: "Sent by «Send test event»; never sent otherwise." }),
} as const;

export type WebhookEventType = keyof typeof webhookEventData;
export const webhookEventTypes = Object.keys(webhookEventData) as [WebhookEventType, ...WebhookEventType[]];
/** What an endpoint can subscribe to (the test event goes to whoever asks for it). */
export const subscribableEventTypes = webhookEventTypes.filter((t) => t !== "webhook.test") as [
  WebhookEventType,
  ...WebhookEventType[],
];

export const webhookEventDescriptions: Record<WebhookEventType, string> = {
  "post.created": "A post was written in a channel.",
  "post.updated": "A post's title or body was edited.",
  "post.deleted": "A post was deleted (it can be restored by an admin for 30 days).",
  "comment.created": "A comment was written on a post.",
  "member.joined": "Someone joined the workspace (created it, or accepted an invite).",
  "member.left": "Someone left the workspace or was removed.",
  "channel.created": "A channel was created.",
  "file.ready": "An uploaded file was checked and is ready to download.",
  "webhook.test": "A test event an admin sent from the webhooks page or API.",
};

/** The whole body of one event of `type`, as sent. */
export const webhookPayload = <T extends WebhookEventType>(type: T) =>
  z.object({
    type: z.literal(type),
    timestamp: isoDate.meta({ description: "When the event happened." }),
    data: webhookEventData[type],
  });

// ---- Endpoints ----

export const webhookEventTypeSchema = z.enum(subscribableEventTypes).meta({ id: "WebhookEventType" });

const endpointUrl = text()
  .trim()
  .min(1, "is required")
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }))
  .meta({ examples: ["https://hooks.example.com/tidings"] });

export const webhookParams = z.strictObject({ workspaceId: id, webhookId: id });
export const webhookDeliveryParams = z.strictObject({ workspaceId: id, webhookId: id, deliveryId: id });

export const createWebhookInput = z
  .strictObject({
    url: endpointUrl.meta({ description: "Where events are POSTed: https, resolving to a public address." }),
    description: text().trim().max(200).default(""),
    events: z
      .array(webhookEventTypeSchema)
      .min(1, "choose at least one event")
      .max(subscribableEventTypes.length)
      .transform((list) => [...new Set(list)]),
  })
  .meta({ id: "CreateWebhookInput" });
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

export const updateWebhookInput = z
  .strictObject({
    url: createWebhookInput.shape.url.optional(),
    description: text().trim().max(200).optional(),
    events: createWebhookInput.shape.events.optional(),
    enabled: z.boolean().optional().meta({ description: "false disables the endpoint; true enables it again." }),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "change at least one field")
  .meta({ id: "UpdateWebhookInput" });
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

export const rotateWebhookSecretInput = z
  .strictObject({
    overlapHours: z
      .number()
      .int()
      .min(0)
      .max(168)
      .default(24)
      .meta({ description: "How long the previous secret still signs (both signatures are sent). 0 ends it now." }),
  })
  .meta({ id: "RotateWebhookSecretInput" });

export const webhookResponse = z
  .object({
    id,
    url: z.string(),
    description: z.string(),
    events: z.array(z.string()),
    createdById: z.string(),
    disabledAt: nullableDateOut,
    disabledReason: z.string().nullable(),
    failingSince: nullableDateOut,
    previousSecretExpiresAt: nullableDateOut,
    createdAt: dateOut,
  })
  .meta({ id: "WebhookEndpoint" });
export const webhookListResponse = z.array(webhookResponse);
export const webhookWithSecretResponse = webhookResponse
  .extend({ secret: z.string().meta({ description: "The signing secret (`whsec_…`). Shown once; store it now." }) })
  .meta({ id: "WebhookEndpointWithSecret" });

export const webhookAttemptResponse = z
  .object({
    id,
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    responseExcerpt: z.string().nullable().meta({ description: "The first 1 KB of the response body." }),
    error: z.string().nullable(),
    createdAt: dateOut,
  })
  .meta({ id: "WebhookAttempt" });

export const webhookDeliveryResponse = z
  .object({
    id,
    eventId: z.string().meta({ description: "The `webhook-id` header: the same on every attempt." }),
    eventType: z.string(),
    status: z.enum(["PENDING", "SUCCEEDED", "FAILED", "DEAD"]),
    attempts: z.number().int(),
    nextAttemptAt: nullableDateOut,
    createdAt: dateOut,
    attemptLog: z.array(webhookAttemptResponse).meta({ description: "Newest first." }),
  })
  .meta({ id: "WebhookDelivery" });
export const webhookDeliveryListResponse = z.array(webhookDeliveryResponse);

// ---- Web forms ----

export const createWebhookForm = z.strictObject({
  ...inWorkspace,
  url: createWebhookInput.shape.url,
  description: createWebhookInput.shape.description,
  events: checkboxList(webhookEventTypeSchema).pipe(createWebhookInput.shape.events),
});
export const webhookRefForm = z.strictObject({ ...inWorkspace, webhookId: id });
export const webhookEnableForm = z.strictObject({
  ...inWorkspace,
  webhookId: id,
  enabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const webhookDeliveryRefForm = z.strictObject({ ...inWorkspace, webhookId: id, deliveryId: id });
