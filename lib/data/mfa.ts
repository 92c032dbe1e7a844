// TOTP factors, recovery codes and the session's second-factor state: queries only, the decisions are in lib/domain/mfa.
import "server-only";
import type { DbOrTx } from "./db/client";
import { isSealed, open, seal } from "./secrets/sealed";

/** The factor with its secret opened (stored sealed: lib/data/secrets/sealed.ts). */
export async function findTotpFactor(db: DbOrTx, userId: string) {
  const row = await db.totpFactor.findUnique({
    where: { userId },
    select: { secret: true, confirmedAt: true, lastStep: true },
  });
  if (!row) return null;
  // A secret stored before secrets were sealed is sealed the first time it is read.
  if (!isSealed(row.secret))
    await db.totpFactor.updateMany({
      where: { userId, secret: row.secret },
      data: { secret: seal("totp", userId, row.secret) },
    });
  return { ...row, secret: open("totp", userId, row.secret) };
}

/** A new, unconfirmed secret replaces any unconfirmed one; a confirmed factor is never overwritten here. */
export async function upsertPendingTotp(db: DbOrTx, userId: string, secret: string) {
  await db.totpFactor.deleteMany({ where: { userId, confirmedAt: null } });
  return db.totpFactor.create({ data: { userId, secret: seal("totp", userId, secret) }, select: { userId: true } });
}

/**
 * Records that `step` was used, only if no later-or-equal step was: the count is 0 when the code was already spent
 * (a replay within its window, or a race with another request using the same code).
 */
export function spendTotpStep(db: DbOrTx, userId: string, step: number, confirmAt?: Date) {
  return db.totpFactor.updateMany({
    where: { userId, lastStep: { lt: step } },
    data: { lastStep: step, ...(confirmAt ? { confirmedAt: confirmAt } : {}) },
  });
}

export function deleteTotpFactor(db: DbOrTx, userId: string) {
  return db.totpFactor.deleteMany({ where: { userId } });
}

export async function replaceRecoveryCodes(db: DbOrTx, userId: string, codes: { lookup: string; codeHash: string }[]) {
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: codes.map((c) => ({ userId, ...c })) });
}

export function findRecoveryCode(db: DbOrTx, userId: string, lookup: string) {
  return db.recoveryCode.findUnique({
    where: { userId_lookup: { userId, lookup } },
    select: { id: true, codeHash: true, usedAt: true },
  });
}

/** Spends the code once: the count is 0 when another request spent it first. */
export function spendRecoveryCode(db: DbOrTx, id: string, now: Date) {
  return db.recoveryCode.updateMany({ where: { id, usedAt: null }, data: { usedAt: now } });
}

export function countUnusedRecoveryCodes(db: DbOrTx, userId: string) {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}

export function deleteRecoveryCodes(db: DbOrTx, userId: string) {
  return db.recoveryCode.deleteMany({ where: { userId } });
}

/** The session state the second-factor step needs (the per-request check reads it too, in its one join). */
export function findSessionForMfa(db: DbOrTx, sessionId: string) {
  return db.session.findUnique({
    where: { id: sessionId },
    select: { userId: true, endedAt: true, mfaPending: true },
  });
}

export function completeSessionMfa(db: DbOrTx, sessionId: string, userId: string) {
  return db.session.updateMany({
    where: { id: sessionId, userId, endedAt: null, mfaPending: true },
    data: { mfaPending: false },
  });
}

/** Every member of the workspace reloads their claims (its MFA requirement changed). */
export function bumpWorkspaceMembersClaims(db: DbOrTx, workspaceId: string) {
  return db.user.updateMany({
    where: { memberships: { some: { workspaceId } } },
    data: { claimsVersion: { increment: 1 } },
  });
}

export async function listWorkspaceMemberIds(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const rows = await db.membership.findMany({ where: { workspaceId }, select: { userId: true } });
  return rows.map((r) => r.userId);
}

export function setWorkspaceRequireMfa(db: DbOrTx, workspaceId: string, requireMfa: boolean) {
  return db.workspace.update({ where: { id: workspaceId }, data: { requireMfa }, select: { requireMfa: true } });
}

/** The person's workspaces with their MFA requirement (settings → security). */
export function listMembershipsWithMfa(db: DbOrTx, userId: string) {
  return db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, workspace: { select: { id: true, name: true, requireMfa: true } } },
  });
}
