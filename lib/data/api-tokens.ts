import "server-only";
import type { DbOrTx } from "./db/client";
import { olderThan, type TimePage } from "./page";
import type { Role } from "./generated/prisma/enums";

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

export type ApiTokenAuthRow = {
  id: string;
  userId: string;
  workspaceId: string;
  scopes: string[];
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** The owner's role in the token's workspace now (null: no longer a member). */
  role: Role | null;
  /** The workspace requires two-step sign-in, and whether the owner has it on. */
  requireMfa: boolean;
  hasMfa: boolean;
};

/** The token with its owner's current role in its workspace and the facts of the MFA policy, in one statement. */
export async function findApiTokenForAuth(db: DbOrTx, tokenHash: string): Promise<ApiTokenAuthRow | null> {
  const rows = await db.$queryRaw<ApiTokenAuthRow[]>`
    SELECT t.id, t."userId", t."workspaceId", t.scopes, t."expiresAt", t."lastUsedAt", t."revokedAt", m.role::text AS role,
      w."requireMfa", (f."confirmedAt" IS NOT NULL) AS "hasMfa"
    FROM "ApiToken" t
    JOIN "Workspace" w ON w.id = t."workspaceId"
    LEFT JOIN "Membership" m ON m."userId" = t."userId" AND m."workspaceId" = t."workspaceId"
    LEFT JOIN "TotpFactor" f ON f."userId" = t."userId"
    WHERE t."tokenHash" = ${tokenHash}`;
  return rows[0] ?? null;
}

export function findMembershipRole(db: DbOrTx, workspaceId: string, userId: string) {
  return db.membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } }, select: { role: true } });
}

export function touchApiToken(db: DbOrTx, id: string, at: Date) {
  return db.apiToken.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
}

export function listApiTokens(db: DbOrTx, workspaceId: string, userId?: string, page?: TimePage) {
  return db.apiToken.findMany({
    where: { workspaceId, ...(userId ? { userId } : {}), ...olderThan(page?.after) },
    ...(page ? { take: page.take } : {}),
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
