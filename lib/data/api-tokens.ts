import "server-only";
import type { DbOrTx } from "./db/client";

const tokenSelect = {
  id: true,
  workspaceId: true,
  userId: true,
  name: true,
  prefix: true,
  scopes: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdAt: true,
} as const;

export function insertApiToken(
  db: DbOrTx,
  data: {
    workspaceId: string;
    userId: string;
    name: string;
    prefix: string;
    tokenHash: string;
    scopes: string[];
    expiresAt: Date | null;
  },
) {
  return db.apiToken.create({ data, select: tokenSelect });
}

/** The token with its owner's current memberships (the role in the token's workspace is picked from them), in one call. */
export function findApiTokenForAuth(db: DbOrTx, tokenHash: string) {
  return db.apiToken.findUnique({
    where: { tokenHash },
    select: {
      ...tokenSelect,
      tokenHash: true,
      user: {
        select: {
          memberships: { select: { workspaceId: true, role: true, workspace: { select: { requireMfa: true } } } },
          totpFactor: { select: { confirmedAt: true } },
        },
      },
    },
  });
}

export function findMembershipRole(db: DbOrTx, workspaceId: string, userId: string) {
  return db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
}

export function touchApiToken(db: DbOrTx, id: string, at: Date) {
  return db.apiToken.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
}

export function listApiTokens(db: DbOrTx, workspaceId: string, userId?: string) {
  return db.apiToken.findMany({
    where: { workspaceId, ...(userId ? { userId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: tokenSelect,
  });
}

export function findApiToken(db: DbOrTx, id: string) {
  return db.apiToken.findUnique({ where: { id }, select: tokenSelect });
}

export function revokeApiToken(db: DbOrTx, id: string, at: Date) {
  return db.apiToken.update({ where: { id }, data: { revokedAt: at }, select: tokenSelect });
}

/** Revokes every live token a user holds in a workspace. */
export function revokeUserApiTokens(db: DbOrTx, workspaceId: string, userId: string, at: Date) {
  return db.apiToken.updateMany({ where: { workspaceId, userId, revokedAt: null }, data: { revokedAt: at } });
}
