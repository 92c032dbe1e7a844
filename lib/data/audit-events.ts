// The audit log's rows: appended at the head of a workspace's chain, read newest first (the log) or in chain order
// (the export and the verifier).
import "server-only";
import { Prisma } from "./generated/prisma/client";
import type { DbOrTx, Tx } from "./db/client";

const eventSelect = {
  id: true,
  workspaceId: true,
  seq: true,
  actorId: true,
  actorKind: true,
  actorTokenId: true,
  action: true,
  targetType: true,
  targetId: true,
  before: true,
  after: true,
  requestId: true,
  clientAddress: true,
  createdAt: true,
  prevHash: true,
  hash: true,
} as const;

export type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>;

/**
 * Holds the workspace's chain until the transaction ends: a second append waits here and then reads the head the
 * first one wrote. An advisory lock, not the workspace row: appends come last in their transaction, so a transaction
 * holding it waits for nothing else, and it never blocks what locks or references the workspace row.
 */
export async function lockAuditChain(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`audit:${workspaceId}`}))::text AS locked`;
}

/** The chain's last row (its seq and hash), or null before the first. */
export function findAuditHead(tx: DbOrTx, workspaceId: string) {
  return tx.auditEvent.findFirst({
    where: { workspaceId },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
}

export type NewAuditEvent = {
  workspaceId: string;
  seq: number;
  actorId: string | null;
  actorKind: string;
  actorTokenId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: Prisma.InputJsonValue | null;
  after: Prisma.InputJsonValue | null;
  requestId: string | null;
  clientAddress: string | null;
  createdAt: Date;
  prevHash: string;
  hash: string;
};

export function insertAuditEvent(tx: DbOrTx, row: NewAuditEvent) {
  return tx.auditEvent.create({
    data: { ...row, before: row.before ?? Prisma.DbNull, after: row.after ?? Prisma.DbNull },
    select: eventSelect,
  });
}

export type AuditWhere = {
  action?: string;
  actorId?: string;
  targetType?: string;
  targetId?: string;
  since?: Date;
  until?: Date;
};

const whereOf = (workspaceId: string, f: AuditWhere): Prisma.AuditEventWhereInput => ({
  workspaceId,
  ...(f.action ? { action: f.action } : {}),
  ...(f.actorId ? { actorId: f.actorId } : {}),
  ...(f.targetType ? { targetType: f.targetType } : {}),
  ...(f.targetId ? { targetId: f.targetId } : {}),
  ...(f.since || f.until
    ? { createdAt: { ...(f.since ? { gte: f.since } : {}), ...(f.until ? { lte: f.until } : {}) } }
    : {}),
});

/** Newest first, from just below `beforeSeq` when given. */
export function listAuditEvents(
  db: DbOrTx,
  workspaceId: string,
  filters: AuditWhere,
  page: { take: number; beforeSeq?: number },
) {
  const where = whereOf(workspaceId, filters);
  return db.auditEvent.findMany({
    where: page.beforeSeq === undefined ? where : { AND: [where, { seq: { lt: page.beforeSeq } }] },
    orderBy: { seq: "desc" },
    take: page.take,
    select: eventSelect,
  });
}

/** Chain order (oldest first), from just after `afterSeq`: the export's and the verifier's pages. */
export function listAuditEventsInChainOrder(
  db: DbOrTx,
  workspaceId: string,
  filters: AuditWhere,
  page: { take: number; afterSeq: number },
) {
  return db.auditEvent.findMany({
    where: { AND: [whereOf(workspaceId, filters), { seq: { gt: page.afterSeq } }] },
    orderBy: { seq: "asc" },
    take: page.take,
    select: eventSelect,
  });
}

/** Every workspace that has an audit log (the verifier's default). */
export async function listAuditedWorkspaceIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.auditEvent.findMany({
    distinct: ["workspaceId"],
    orderBy: { workspaceId: "asc" },
    select: { workspaceId: true },
  });
  return rows.map((r) => r.workspaceId);
}

/** Names of the people who acted, for the log page (accounts that are gone are simply missing). */
export function findAuditActors(db: DbOrTx, userIds: string[]) {
  return db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, handle: true } });
}
