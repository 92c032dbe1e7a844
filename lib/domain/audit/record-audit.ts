// recordAudit(tx, entry): the one call an admin action makes, inside its own transaction, to append its row to the
// workspace's audit log. The row commits with the action or not at all.
import "server-only";
import type { Tx } from "@/lib/data/db/client";
import { findAuditHead, insertAuditEvent, lockAuditChain } from "@/lib/data/audit-events";
import { currentClientAddress, currentRequestId } from "@/lib/request-context";
import {
  auditAction,
  type AuditAction,
  type AuditJson,
  type AuditSnapshot,
  type AuditTargetType,
} from "@/lib/validation/audit";
import type { Actor } from "../actor";
import { auditHash, GENESIS_HASH } from "./chain";

export type AuditEntry = {
  workspaceId: string;
  /** Who acted (the caller's claims), or null for the system (a background function). */
  actor: Actor | null;
  action: AuditAction;
  target: { type: AuditTargetType; id: string };
  /** The target's relevant fields before the action; null or absent when it did not exist. Never a secret. */
  before?: Record<string, unknown> | null;
  /** …and after it; null or absent when it no longer exists. Never a secret. */
  after?: Record<string, unknown> | null;
};

/**
 * Appends one row at the head of the workspace's chain. Call it LAST in the action's transaction (it takes the
 * chain's lock, which is then held to the commit), once per action, and only when the action changed something.
 * The request id and client address come from the request context the entry wrapper set.
 */
export async function recordAudit(tx: Tx, entry: AuditEntry) {
  const action = auditAction.parse(entry.action);
  const before = snapshot(entry.before);
  const after = snapshot(entry.after);
  await lockAuditChain(tx, entry.workspaceId);
  const head = await findAuditHead(tx, entry.workspaceId);
  const fields = {
    workspaceId: entry.workspaceId,
    seq: (head?.seq ?? 0) + 1,
    actorId: entry.actor?.userId ?? null,
    actorKind: entry.actor ? (entry.actor.via === "token" ? "token" : "person") : "system",
    actorTokenId: entry.actor?.tokenId ?? null,
    action,
    targetType: entry.target.type,
    targetId: entry.target.id,
    before,
    after,
    requestId: currentRequestId() ?? null,
    clientAddress: currentClientAddress() ?? null,
    createdAt: new Date(),
    prevHash: head?.hash ?? GENESIS_HASH,
  };
  return insertAuditEvent(tx, { ...fields, hash: auditHash(fields) });
}

/**
 * Field names that would carry a secret (token, tokenHash, signingSecret, passwordHash, recoveryCodes…): refused
 * outright, so a careless snapshot fails its tests rather than leaking into the log. Facts about a secret are fine
 * under other names (secretRotatedAt, tokenId, prefix).
 */
const SECRET_KEY = /(secret|password|hash|token|codes?)$/i;

/** Plain JSON as stored and hashed: dates as ISO strings, undefined fields dropped, strings well-formed. */
function snapshot(value: Record<string, unknown> | null | undefined): AuditSnapshot | null {
  if (value === null || value === undefined) return null;
  return plain(value) as AuditSnapshot;
}

function plain(value: unknown, key = ""): AuditJson {
  if (key && SECRET_KEY.test(key))
    throw new Error(`recordAudit: "${key}" looks like a secret; audit rows never hold one`);
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "string") return value.toWellFormed();
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => plain(v));
  if (typeof value === "object") {
    const out: Record<string, AuditJson> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = plain(v, k);
    return out;
  }
  throw new Error(`recordAudit: cannot record a ${typeof value}`);
}
