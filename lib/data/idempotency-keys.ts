// Stored outcomes of API writes sent with an Idempotency-Key.
import "server-only";
import { isUniqueViolation, type DbOrTx } from "./db/client";

const outcome = { fingerprint: true, status: true, body: true, completedAt: true } as const;

export function findIdempotencyKey(db: DbOrTx, caller: string, key: string) {
  return db.idempotencyKey.findUnique({ where: { caller_key: { caller, key } }, select: outcome });
}

/** Another request with this key holds or has written it (the write that carries this one must not happen). */
export class IdempotencyKeyTakenError extends Error {
  constructor() {
    super("Idempotency-Key already taken");
    this.name = "IdempotencyKeyTakenError";
  }
}

export async function insertIdempotencyKey(db: DbOrTx, row: { caller: string; key: string; fingerprint: string }) {
  try {
    await db.idempotencyKey.create({ data: row, select: { id: true } });
  } catch (error) {
    throw isUniqueViolation(error) ? new IdempotencyKeyTakenError() : error;
  }
}

export function recordIdempotentOutcome(
  db: DbOrTx,
  caller: string,
  key: string,
  response: { status: number; body: string },
) {
  return db.idempotencyKey.updateMany({
    where: { caller, key, completedAt: null },
    data: { ...response, completedAt: new Date() },
  });
}

/** A write whose operation ran no transaction: its key and outcome together, after the effect (first one wins). */
export function insertIdempotentOutcome(
  db: DbOrTx,
  row: { caller: string; key: string; fingerprint: string; status: number; body: string },
) {
  return db.idempotencyKey.createMany({ data: [{ ...row, completedAt: new Date() }], skipDuplicates: true });
}

export function deleteIdempotencyKeysBefore(db: DbOrTx, before: Date) {
  return db.idempotencyKey.deleteMany({ where: { createdAt: { lt: before } } });
}
