import "server-only";
import type { DbOrTx } from "./db/client";
import { olderThan, type TimePage } from "./page";
import type { Role } from "./generated/prisma/enums";

export const inviteSelect = {
  id: true,
  workspaceId: true,
  email: true,
  role: true,
  invitedById: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export function insertInvite(
  tx: DbOrTx,
  data: { workspaceId: string; email: string; role: Role; invitedById: string; expiresAt: Date },
) {
  return tx.invite.create({ data, select: inviteSelect });
}

export function findInvite(db: DbOrTx, id: string) {
  return db.invite.findUnique({
    where: { id },
    select: { ...inviteSelect, workspace: { select: { id: true, name: true } } },
  });
}

export function findOpenInviteForEmail(db: DbOrTx, workspaceId: string, email: string, now: Date) {
  return db.invite.findFirst({
    where: { workspaceId, email, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: inviteSelect,
  });
}

/** Invites still waiting for an answer (not accepted, not revoked), newest first; expired ones are included. */
export function listOpenInvites(db: DbOrTx, workspaceId: string, page?: TimePage) {
  return db.invite.findMany({
    where: { workspaceId, acceptedAt: null, revokedAt: null, ...olderThan(page?.after) },
    ...(page ? { take: page.take } : {}),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: inviteSelect,
  });
}

export function updateInvite(tx: DbOrTx, id: string, data: { expiresAt?: Date; revokedAt?: Date }) {
  return tx.invite.update({ where: { id }, data, select: inviteSelect });
}

/** True for exactly one caller: the invite is accepted once. */
export async function markInviteAccepted(tx: DbOrTx, id: string, acceptedAt: Date): Promise<boolean> {
  const { count } = await tx.invite.updateMany({
    where: { id, acceptedAt: null, revokedAt: null },
    data: { acceptedAt },
  });
  return count === 1;
}

/** Unanswered invites past their expiry, and revoked ones. Accepted invites stay as the record of who joined how. */
export function deleteDeadInvites(db: DbOrTx, now: Date) {
  return db.invite.deleteMany({
    where: { acceptedAt: null, OR: [{ expiresAt: { lt: now } }, { revokedAt: { not: null } }] },
  });
}
