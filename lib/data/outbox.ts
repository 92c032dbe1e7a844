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

/** An outbox row as a write inserts it (its id chosen by the caller when it goes into another write's statement). */
export type OutboxInsert = {
  id?: string;
  name: string;
  data: Prisma.InputJsonValue;
  requestId?: string;
  /** Later than now: leased to the process that records it, which publishes it itself (lib/outbox/record.ts). */
  availableAt?: Date;
};

export function insertOutboxEvent(tx: DbOrTx, event: OutboxInsert) {
  return tx.outboxEvent.create({ data: event, select: { id: true } });
}

export type ClaimedOutboxEvent = {
  id: string;
  name: string;
  data: Prisma.JsonValue;
  requestId: string | null;
  attempts: number;
  createdAt: Date;
};

/**
 * Finds the due rows (oldest first, at most `limit`) and leases them to this relay until `leaseUntil`, in one
 * statement: rows another relay is claiming right now are skipped (SKIP LOCKED), and a row claimed a moment ago is
 * no longer due, so each row goes to exactly one caller.
 */
export async function claimDueOutboxEvents(
  db: DbOrTx,
  now: Date,
  leaseUntil: Date,
  limit: number,
): Promise<ClaimedOutboxEvent[]> {
  const rows = await db.$queryRaw<
    ClaimedOutboxEvent[]
  >`UPDATE "OutboxEvent" SET "availableAt" = ${leaseUntil}::timestamp(3)
    WHERE "id" IN (
      SELECT "id" FROM "OutboxEvent" WHERE "status" = 'PENDING' AND "availableAt" <= ${now}::timestamp(3)
      ORDER BY "createdAt", "id" LIMIT ${limit}
      FOR UPDATE SKIP LOCKED)
    AND "status" = 'PENDING' AND "availableAt" <= ${now}::timestamp(3)
    RETURNING "id", "name", "data", "requestId", "attempts", "createdAt"`;
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Makes every pending row due now (leases and backoffs alike). Returns how many rows were waiting. */
export async function makePendingOutboxEventsDue(db: DbOrTx, now: Date): Promise<number> {
  const { count } = await db.outboxEvent.updateMany({
    where: { status: "PENDING", availableAt: { gt: now } },
    data: { availableAt: now },
  });
  return count;
}

/** In SQL: it runs once per delivered event, and a raw statement skips the ORM's query building. */
/** Marks rows delivered, in one statement whatever their number. */
export async function markOutboxEventsSent(db: DbOrTx, ids: string[], sentAt: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`UPDATE "OutboxEvent" SET "status" = 'SENT', "sentAt" = ${sentAt}::timestamp(3), "lastError" = NULL
    WHERE "id" = ANY(${ids}::text[]) AND "status" = 'PENDING'`;
}

/** Ends the leases of rows still pending (due now), so the next relay pass publishes them. */
export async function releaseOutboxLeases(db: DbOrTx, ids: string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await db.$executeRaw`UPDATE "OutboxEvent" SET "availableAt" = ${now}::timestamp(3)
    WHERE "id" = ANY(${ids}::text[]) AND "status" = 'PENDING' AND "availableAt" > ${now}::timestamp(3)`;
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
