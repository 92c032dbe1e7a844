// The audit log: the closed set of recorded actions, the read filters (API query and the settings page's GET form)
// and the row as it leaves the API.
import { z } from "zod";
import { cursor, dateOut, id } from "./common";

/**
 * Every action the audit log records: `<target type>.<what happened>`. Closed: recordAudit refuses anything else,
 * and the filters offer exactly these.
 */
export const auditActions = [
  "workspace.created",
  "workspace.updated",
  "workspace.mfa_policy_changed",
  "member.role_changed",
  "member.removed",
  "member.left",
  "member.joined",
  "invite.created",
  "invite.revoked",
  "invite.resent",
  "token.created",
  "token.revoked",
  "channel.created",
  "channel.updated",
  "channel.kind_changed",
  "channel.archived",
  "channel.unarchived",
  "channel.member_added",
  "channel.member_removed",
  "post.deleted",
  "webhook.created",
  "webhook.updated",
  "webhook.deleted",
  "webhook.secret_rotated",
  "webhook.enabled",
  "webhook.disabled",
  "webhook.redelivered",
  "webhook.test_sent",
] as const;
export type AuditAction = (typeof auditActions)[number];
export const auditAction = z.enum(auditActions).meta({ id: "AuditAction" });

export const auditTargetTypes = ["workspace", "member", "invite", "token", "channel", "post", "webhook"] as const;
export type AuditTargetType = (typeof auditTargetTypes)[number];
export const auditTargetType = z.enum(auditTargetTypes).meta({ id: "AuditTargetType" });

export const auditActorKinds = ["person", "token", "system"] as const;
export type AuditActorKind = (typeof auditActorKinds)[number];

/** What before/after may hold: plain JSON (dates as ISO strings), never a secret. */
export type AuditJson = string | number | boolean | null | AuditJson[] | { [key: string]: AuditJson };
export type AuditSnapshot = { [key: string]: AuditJson };

const DAY_MS = 86_400_000;
/** A date-time, or a bare date (what `<input type="date">` sends): the day's start, or for `until` its end. */
const instant = (endOfDay: boolean) =>
  z
    .union([z.iso.datetime({ offset: true }), z.iso.date()])
    .transform((v) => {
      const bare = !v.includes("T");
      const at = new Date(bare ? `${v}T00:00:00.000Z` : v);
      return bare && endOfDay ? new Date(at.getTime() + DAY_MS - 1) : at;
    })
    .refine((d) => d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999, "must be between the years 1 and 9999")
    .meta({ override: { type: "string", description: "An ISO 8601 date-time, or a date (YYYY-MM-DD)" } });

/** The filters the list, the export and the settings page share; each narrows the rows, all must hold. */
export const auditFilterShape = {
  action: auditAction.optional(),
  /** The person who acted (a user id). */
  actor: id.optional(),
  targetType: auditTargetType.optional(),
  targetId: id.optional(),
  /** On or after (a bare date: from its start, UTC). */
  since: instant(false).optional(),
  /** On or before (a bare date: to its end, UTC). */
  until: instant(true).optional(),
};
export type AuditFilters = {
  action?: AuditAction;
  actor?: string;
  targetType?: AuditTargetType;
  targetId?: string;
  since?: Date;
  until?: Date;
};

export const auditListQuery = z.strictObject({
  ...auditFilterShape,
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;
export const auditExportQuery = z.strictObject(auditFilterShape);

/** The settings page's GET form: empty fields mean "any" (a browser sends every field of the form). */
export const auditPageQuery = z.preprocess(
  (v) =>
    Object.fromEntries(
      Object.entries((v ?? {}) as Record<string, unknown>).filter(([, value]) => value !== "" && value !== undefined),
    ),
  z.strictObject({ ...auditFilterShape, cursor: cursor.optional() }),
);

/** The target's fields as they were before and after the action (null: it did not exist, or no longer does). */
const snapshot = z.record(z.string(), z.unknown()).nullable();

export const auditEventResponse = z
  .object({
    id,
    workspaceId: id,
    /** 1, 2, 3… in this workspace: the order of the hash chain. */
    seq: z.number().int(),
    actor: z.object({
      kind: z.enum(auditActorKinds),
      /** The person, or null for the system. */
      userId: z.string().nullable(),
      /** The API token they acted through, if any. */
      tokenId: z.string().nullable(),
    }),
    action: z.string().meta({ description: "One of AuditAction (the set may grow)" }),
    target: z.object({ type: z.string(), id: z.string() }),
    before: snapshot,
    after: snapshot,
    requestId: z.string().nullable(),
    clientAddress: z.string().nullable(),
    createdAt: dateOut,
    prevHash: z.string(),
    hash: z.string(),
  })
  .meta({ id: "AuditEvent" });
export const auditEventListResponse = z.array(auditEventResponse);
