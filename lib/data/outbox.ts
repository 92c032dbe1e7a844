import "server-only";
import type { DbOrTx } from "./db/client";
import type { Prisma } from "./generated/prisma/client";
import type { OutboxStatus } from "./generated/prisma/enums";

export const outboxSelect = {
  id: true,
  name: true,
  data: true,
  requestId: true,
  attempts: true,
  status: true,
  createdAt: true,
} as const;

export function insertOutboxEvent(
  tx: DbOrTx,
  event: { name: string; data: Prisma.InputJsonValue; requestId?: string },
) {
  return tx.outboxEvent.create({ data: event, select: { id: true } });
}

/** Pending rows whose time has come, oldest first. */
export function findDueOutboxEvents(db: DbOrTx, now: Date, limit: number) {
  return db.outboxEvent.findMany({
    where: { status: "PENDING", availableAt: { lte: now } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: outboxSelect,
  });
}

/**
 * Leases a due row to one relay until `leaseUntil`: the conditional update succeeds for exactly one caller.
 * A relay that dies keeps nothing: the row simply becomes due again when the lease runs out.
 */
export async function claimOutboxEvent(db: DbOrTx, id: string, now: Date, leaseUntil: Date): Promise<boolean> {
  const { count } = await db.outboxEvent.updateMany({
    where: { id, status: "PENDING", availableAt: { lte: now } },
    data: { availableAt: leaseUntil },
  });
  return count === 1;
}

/** Makes every pending row due now (leases and backoffs alike). Returns how many rows were waiting. */
export async function makePendingOutboxEventsDue(db: DbOrTx, now: Date): Promise<number> {
  const { count } = await db.outboxEvent.updateMany({
    where: { status: "PENDING", availableAt: { gt: now } },
    data: { availableAt: now },
  });
  return count;
}

export function markOutboxEventSent(db: DbOrTx, id: string, sentAt: Date) {
  return db.outboxEvent.updateMany({
    where: { id, status: "PENDING" },
    data: { status: "SENT", sentAt, lastError: null },
  });
}

export function markOutboxEventFailed(
  db: DbOrTx,
  id: string,
  data: { attempts: number; lastError: string; availableAt: Date; status: OutboxStatus },
) {
  return db.outboxEvent.updateMany({ where: { id, status: "PENDING" }, data });
}

export function findOutboxEvent(db: DbOrTx, id: string) {
  return db.outboxEvent.findUnique({
    where: { id },
    select: { ...outboxSelect, lastError: true, availableAt: true, sentAt: true },
  });
}

export function deleteSentOutboxEventsBefore(db: DbOrTx, before: Date) {
  return db.outboxEvent.deleteMany({ where: { status: "SENT", sentAt: { lt: before } } });
}
