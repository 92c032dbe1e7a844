// Webhook endpoints, deliveries and attempts: queries only (lib/domain/webhooks decides).
import "server-only";
import type { DbOrTx } from "./db/client";
import { olderThan } from "./page";
import type { Prisma } from "./generated/prisma/client";
import type { WebhookDeliveryStatus } from "./generated/prisma/enums";

const endpointSelect = {
  id: true,
  workspaceId: true,
  url: true,
  description: true,
  events: true,
  createdById: true,
  disabledAt: true,
  disabledReason: true,
  failingSince: true,
  previousSecretExpiresAt: true,
  createdAt: true,
} as const;

const endpointWithSecretsSelect = {
  ...endpointSelect,
  secretCiphertext: true,
  previousSecretCiphertext: true,
} as const;

export type WebhookEndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointSelect }>;
export type WebhookEndpointWithSecrets = Prisma.WebhookEndpointGetPayload<{ select: typeof endpointWithSecretsSelect }>;

export function insertWebhookEndpoint(
  db: DbOrTx,
  data: {
    workspaceId: string;
    url: string;
    description: string;
    events: string[];
    secretCiphertext: string;
    createdById: string;
  },
) {
  return db.webhookEndpoint.create({ data, select: endpointSelect });
}

export function findWebhookEndpoint(db: DbOrTx, id: string) {
  return db.webhookEndpoint.findUnique({ where: { id }, select: endpointSelect });
}

export function findWebhookEndpointWithSecrets(db: DbOrTx, id: string) {
  return db.webhookEndpoint.findUnique({ where: { id }, select: endpointWithSecretsSelect });
}

/** A page of a workspace's endpoints, newest first, after the keyset `after`. */
export function listWebhookEndpoints(
  db: DbOrTx,
  workspaceId: string,
  take: number,
  after?: { createdAt: Date; id: string },
) {
  return db.webhookEndpoint.findMany({
    where: {
      workspaceId,
      ...olderThan(after),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: endpointSelect,
  });
}

/** Enabled endpoints of a workspace subscribed to `eventType`. */
/** Every event type some enabled endpoint of the workspace subscribes to. */
export async function listSubscribedEventTypes(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db.webhookEndpoint.findMany({
    where: { workspaceId, disabledAt: null },
    select: { events: true },
  });
  return [...new Set(rows.flatMap((r) => r.events))];
}

export function listSubscribedEndpoints(db: DbOrTx, workspaceId: string, eventType: string) {
  return db.webhookEndpoint.findMany({
    where: { workspaceId, disabledAt: null, events: { has: eventType } },
    select: { id: true, createdById: true },
  });
}

export function updateWebhookEndpoint(db: DbOrTx, id: string, data: Prisma.WebhookEndpointUpdateInput) {
  return db.webhookEndpoint.update({ where: { id }, data, select: endpointSelect });
}

export function deleteWebhookEndpoint(db: DbOrTx, id: string) {
  return db.webhookEndpoint.delete({ where: { id }, select: { id: true } });
}

/** The admins and owners of a workspace, to tell when an endpoint is disabled. */
export function listWorkspaceAdmins(db: DbOrTx, workspaceId: string) {
  return db.membership.findMany({
    where: { workspaceId, role: { in: ["OWNER", "ADMIN"] } },
    select: { user: { select: { id: true, email: true, name: true } } },
  });
}

// ---- Deliveries ----

const attemptSelect = {
  id: true,
  statusCode: true,
  durationMs: true,
  responseExcerpt: true,
  error: true,
  createdAt: true,
} as const;

const deliverySelect = {
  id: true,
  eventId: true,
  endpointId: true,
  workspaceId: true,
  eventType: true,
  status: true,
  attempts: true,
  nextAttemptAt: true,
  lastAttemptAt: true,
  createdAt: true,
} as const;

/** One delivery per (event, endpoint): a second fan-out of the same event creates nothing. Returns the new count. */
export async function insertWebhookDeliveries(
  db: DbOrTx,
  rows: {
    eventId: string;
    endpointId: string;
    workspaceId: string;
    eventType: string;
    /** JSON: the event's body as sent. */
    payload: Record<string, unknown>;
    nextAttemptAt: Date;
  }[],
) {
  if (rows.length === 0) return 0;
  const data = rows.map((r) => ({ ...r, payload: r.payload as Prisma.InputJsonValue }));
  const { count } = await db.webhookDelivery.createMany({ data, skipDuplicates: true });
  return count;
}

/** One delivery, returned with an empty attempt log (a test event). */
export function insertWebhookDelivery(
  db: DbOrTx,
  data: {
    eventId: string;
    endpointId: string;
    workspaceId: string;
    eventType: string;
    /** JSON: the event's body as sent. */
    payload: Record<string, unknown>;
    nextAttemptAt: Date;
  },
) {
  return db.webhookDelivery.create({
    data: { ...data, payload: data.payload as Prisma.InputJsonValue },
    select: { ...deliverySelect, attemptLog: { select: attemptSelect } },
  });
}

/** The deliveries of one event that still wait for an attempt (new ones, and retries due by `now`). */
export function listDueDeliveriesOfEvent(db: DbOrTx, eventId: string, now: Date) {
  return db.webhookDelivery.findMany({
    where: { eventId, status: { in: ["PENDING", "FAILED"] }, nextAttemptAt: { lte: now } },
    select: { id: true },
  });
}

/** Deliveries due by `now` on enabled endpoints, oldest due first. */
export function listDueDeliveries(db: DbOrTx, now: Date, limit: number) {
  return db.webhookDelivery.findMany({
    where: {
      status: { in: ["PENDING", "FAILED"] },
      nextAttemptAt: { lte: now },
      endpoint: { disabledAt: null },
    },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true },
  });
}

/**
 * Takes a due delivery for one attempt: counts the attempt and pushes nextAttemptAt to `leaseUntil`, in one
 * conditional update that exactly one caller wins. A process that dies mid-attempt leaves it due again at the lease's
 * end, when the sweep picks it up.
 */
export async function claimWebhookDelivery(db: DbOrTx, id: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const { count } = await db.webhookDelivery.updateMany({
    where: { id, status: { in: ["PENDING", "FAILED"] }, nextAttemptAt: { lte: now }, endpoint: { disabledAt: null } },
    data: { attempts: { increment: 1 }, nextAttemptAt: leaseUntil, lastAttemptAt: now },
  });
  return count === 1;
}

export function findWebhookDeliveryForSend(db: DbOrTx, id: string) {
  return db.webhookDelivery.findUnique({
    where: { id },
    select: { ...deliverySelect, payload: true, endpoint: { select: endpointWithSecretsSelect } },
  });
}

export function findWebhookDelivery(db: DbOrTx, id: string) {
  return db.webhookDelivery.findUnique({ where: { id }, select: deliverySelect });
}

export function settleWebhookDelivery(
  db: DbOrTx,
  id: string,
  data: { status: WebhookDeliveryStatus; nextAttemptAt: Date | null },
) {
  return db.webhookDelivery.update({ where: { id }, data, select: { id: true } });
}

export function insertWebhookAttempt(
  db: DbOrTx,
  data: {
    deliveryId: string;
    statusCode: number | null;
    durationMs: number;
    responseExcerpt: string | null;
    error: string | null;
  },
) {
  return db.webhookAttempt.create({ data, select: { id: true } });
}

/** A page of an endpoint's deliveries, newest first, each with its attempts (newest first). */
export function listWebhookDeliveries(
  db: DbOrTx,
  endpointId: string,
  take: number,
  after?: { createdAt: Date; id: string },
) {
  return db.webhookDelivery.findMany({
    where: {
      endpointId,
      ...olderThan(after),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      ...deliverySelect,
      attemptLog: { select: attemptSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] },
    },
  });
}

/** Asks for another attempt now (redeliver): same event id, same payload. */
export function requeueWebhookDelivery(db: DbOrTx, id: string, now: Date) {
  return db.webhookDelivery.update({
    where: { id },
    data: { status: "PENDING", nextAttemptAt: now },
    select: deliverySelect,
  });
}

/** Delivery logs (deliveries and their attempts) older than `before`. */
export async function deleteWebhookDeliveriesBefore(db: DbOrTx, before: Date) {
  const { count } = await db.webhookDelivery.deleteMany({ where: { createdAt: { lt: before } } });
  return count;
}

// ---- Facts for payloads and visibility ----

const userSummarySelect = { id: true, name: true, handle: true } as const;

/** A person's role in a workspace, and whether they are in a channel (null: not a member of the workspace). */
export async function findViewerFacts(db: DbOrTx, userId: string, workspaceId: string, channelId: string | null) {
  const membership = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: {
      role: true,
      user: channelId
        ? { select: { channelMembers: { where: { channelId }, select: { channelId: true } } } }
        : { select: { id: true } },
    },
  });
  if (!membership) return null;
  const user = membership.user as { channelMembers?: unknown[] };
  return { role: membership.role, isChannelMember: (user.channelMembers?.length ?? 0) > 0 };
}

export function findPostForWebhook(db: DbOrTx, postId: string) {
  return db.post.findUnique({
    where: { id: postId },
    select: {
      id: true,
      workspaceId: true,
      channelId: true,
      title: true,
      body: true,
      createdAt: true,
      editedAt: true,
      deletedAt: true,
      deletedById: true,
      author: { select: userSummarySelect },
      channel: { select: { kind: true } },
    },
  });
}

export function findCommentForWebhook(db: DbOrTx, commentId: string) {
  return db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true,
      postId: true,
      body: true,
      createdAt: true,
      deletedAt: true,
      author: { select: userSummarySelect },
      post: { select: { workspaceId: true, channelId: true, deletedAt: true, channel: { select: { kind: true } } } },
    },
  });
}

export function findChannelForWebhook(db: DbOrTx, channelId: string) {
  return db.channel.findUnique({
    where: { id: channelId },
    select: { id: true, workspaceId: true, name: true, description: true, kind: true, createdAt: true },
  });
}

export function findAttachmentForWebhook(db: DbOrTx, attachmentId: string) {
  return db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      id: true,
      workspaceId: true,
      uploaderId: true,
      postId: true,
      commentId: true,
      name: true,
      detectedType: true,
      size: true,
      width: true,
      height: true,
      status: true,
      post: { select: { channelId: true, deletedAt: true, channel: { select: { kind: true } } } },
      comment: {
        select: { post: { select: { channelId: true, deletedAt: true, channel: { select: { kind: true } } } } },
      },
    },
  });
}

export function findUserSummary(db: DbOrTx, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: userSummarySelect });
}
