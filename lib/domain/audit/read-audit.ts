// Reading the audit log: owners only, newest first in cursor pages (the API and the settings page), or the whole
// filtered log in chain order as a stream of rows (the JSON Lines export).
import "server-only";
import { getDb } from "@/lib/data/db/client";
import {
  findAuditActors,
  listAuditEvents,
  listAuditEventsInChainOrder,
  type AuditEventRow,
  type AuditWhere,
} from "@/lib/data/audit-events";
import { AppError } from "@/lib/errors";
import type { AuditFilters } from "@/lib/validation/audit";
import type { Actor } from "../actor";
import type { Page } from "../pagination";
import { assertCanReadAuditLog } from "../policy";

/** Rows per query while exporting: bounded memory whatever the log's size. */
export const EXPORT_PAGE_SIZE = 500;

const whereOf = (f: AuditFilters): AuditWhere => ({
  action: f.action,
  actorId: f.actor,
  targetType: f.targetType,
  targetId: f.targetId,
  since: f.since,
  until: f.until,
});

/** The row as the API and the page show it. */
export function presentAuditEvent(row: AuditEventRow) {
  return {
    id: row.id,
    workspaceId: row.workspaceId,
    seq: row.seq,
    actor: { kind: row.actorKind as "person" | "token" | "system", userId: row.actorId, tokenId: row.actorTokenId },
    action: row.action,
    target: { type: row.targetType, id: row.targetId },
    before: row.before as Record<string, unknown> | null,
    after: row.after as Record<string, unknown> | null,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    createdAt: row.createdAt,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
export type AuditEventView = ReturnType<typeof presentAuditEvent>;

// Pages go by seq, the chain's own order (two rows can share a millisecond; seq is unique and never reused).
const encodeAuditCursor = (seq: number) => Buffer.from(JSON.stringify(["audit", seq])).toString("base64url");

function decodeAuditCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed[0] === "audit" && Number.isSafeInteger(parsed[1]) && (parsed[1] as number) > 0)
      return parsed[1] as number;
  } catch {
    // fall through to the error below
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not one this API issued", [
    { path: "cursor", message: "invalid cursor" },
  ]);
}

/** Newest first; `nextCursor` leads to older rows. */
export async function listAudit(
  actor: Actor,
  workspaceId: string,
  query: AuditFilters & { cursor?: string; limit: number },
): Promise<Page<AuditEventView>> {
  assertCanReadAuditLog(actor, workspaceId);
  const beforeSeq = decodeAuditCursor(query.cursor);
  const rows = await listAuditEvents(await getDb(), workspaceId, whereOf(query), { take: query.limit + 1, beforeSeq });
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return {
    items: items.map(presentAuditEvent),
    nextCursor: rows.length > query.limit && last ? encodeAuditCursor(last.seq) : null,
  };
}

/**
 * Every row matching the filters, oldest first, fetched a page at a time as the consumer reads. Authorization is
 * decided here, before the first row: a refusal is an ordinary error response, not a broken stream.
 */
export async function exportAudit(
  actor: Actor,
  workspaceId: string,
  filters: AuditFilters,
): Promise<AsyncIterable<AuditEventView>> {
  assertCanReadAuditLog(actor, workspaceId);
  const db = await getDb();
  const where = whereOf(filters);
  return (async function* () {
    let afterSeq = 0;
    for (;;) {
      const rows = await listAuditEventsInChainOrder(db, workspaceId, where, { take: EXPORT_PAGE_SIZE, afterSeq });
      for (const row of rows) yield presentAuditEvent(row);
      const last = rows[rows.length - 1];
      if (!last || rows.length < EXPORT_PAGE_SIZE) return;
      afterSeq = last.seq;
    }
  })();
}

/** The names of the people in a page of the log (the page shows who, not ids); owners only, as the log is. */
export async function auditActorNames(actor: Actor, workspaceId: string, userIds: string[]) {
  assertCanReadAuditLog(actor, workspaceId);
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map<string, { name: string; handle: string }>();
  const rows = await findAuditActors(await getDb(), ids);
  return new Map(rows.map((r) => [r.id, { name: r.name, handle: r.handle }]));
}
