// The audit log's hash chain: each row's hash covers its own fields and the previous row's hash, so changing,
// removing or reordering a row breaks every link after it. Canonical JSON (RFC 8785, the `canonicalize` package)
// makes the hash independent of key order and of how the database hands JSON back.
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

/** The prevHash of a workspace's first row. */
export const GENESIS_HASH = "0".repeat(64);

/** The fields a row's hash covers: all of them but its id and its own hash. */
export type ChainedFields = {
  workspaceId: string;
  seq: number;
  actorId: string | null;
  actorKind: string;
  actorTokenId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientAddress: string | null;
  createdAt: Date;
  prevHash: string;
};

export function auditHash(row: ChainedFields): string {
  const canonical = canonicalize({
    v: 1,
    workspaceId: row.workspaceId,
    seq: row.seq,
    actorId: row.actorId,
    actorKind: row.actorKind,
    actorTokenId: row.actorTokenId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    clientAddress: row.clientAddress,
    createdAt: row.createdAt.toISOString(),
    prevHash: row.prevHash,
  });
  return createHash("sha256")
    .update(canonical ?? "")
    .digest("hex");
}
