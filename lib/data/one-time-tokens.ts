import "server-only";
import type { DbOrTx } from "./db/client";
import type { OneTimeTokenPurpose } from "./generated/prisma/enums";

export function insertOneTimeToken(
  db: DbOrTx,
  data: {
    purpose: OneTimeTokenPurpose;
    tokenHash: string;
    email: string;
    userId?: string | null;
    inviteId?: string | null;
    expiresAt: Date;
  },
) {
  return db.oneTimeToken.create({ data, select: { id: true } });
}

export function findOneTimeToken(db: DbOrTx, tokenHash: string) {
  return db.oneTimeToken.findUnique({
    where: { tokenHash },
    select: { id: true, purpose: true, email: true, userId: true, inviteId: true, expiresAt: true, usedAt: true },
  });
}

/** Single use: true for exactly one caller. */
export async function markOneTimeTokenUsed(db: DbOrTx, id: string, usedAt: Date): Promise<boolean> {
  const { count } = await db.oneTimeToken.updateMany({ where: { id, usedAt: null }, data: { usedAt } });
  return count === 1;
}

export function expireInviteTokens(db: DbOrTx, inviteId: string, at: Date) {
  return db.oneTimeToken.updateMany({ where: { inviteId, usedAt: null }, data: { expiresAt: at } });
}

export function deleteExpiredOneTimeTokens(db: DbOrTx, now: Date) {
  return db.oneTimeToken.deleteMany({ where: { expiresAt: { lt: now } } });
}

/** Spends every unused link of these purposes the person still holds (a password reset makes the others worthless). */
export function spendUserTokens(db: DbOrTx, userId: string, purposes: OneTimeTokenPurpose[], usedAt: Date) {
  return db.oneTimeToken.updateMany({ where: { userId, purpose: { in: purposes }, usedAt: null }, data: { usedAt } });
}
