import "server-only";
import type { DbOrTx } from "./db/client";
import type { Role } from "./generated/prisma/enums";

export const publicUserSelect = { id: true, name: true, handle: true, email: true } as const;

export function findUserByEmail(db: DbOrTx, email: string) {
  return db.user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      handle: true,
      passwordHash: true,
      emailVerifiedAt: true,
      claimsVersion: true,
    },
  });
}

export function findUserById(db: DbOrTx, id: string) {
  return db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, handle: true, emailVerifiedAt: true, timeZone: true, createdAt: true },
  });
}

/** What a password change checks against: the current hash (null when the person signs in only by link or provider). */
export function findUserCredentials(db: DbOrTx, id: string) {
  return db.user.findUnique({
    where: { id },
    select: { id: true, email: true, name: true, passwordHash: true, emailVerifiedAt: true },
  });
}

export function handleExists(db: DbOrTx, handle: string) {
  return db.user.count({ where: { handle } }).then((n) => n > 0);
}

export function insertUser(
  db: DbOrTx,
  data: { email: string; name: string; handle: string; passwordHash: string | null; timeZone?: string },
) {
  return db.user.create({ data, select: { id: true, email: true, name: true, handle: true } });
}

/** Invalidates every session's claims of these users (role changed, membership added or removed). */
export function bumpClaimsVersion(db: DbOrTx, userIds: string[]) {
  return db.user.updateMany({ where: { id: { in: userIds } }, data: { claimsVersion: { increment: 1 } } });
}

/**
 * One statement for a session's claims check: the user's current claims version and, only when it differs from
 * `knownVersion`, their memberships (so a current session reads one row, a stale one reloads in the same trip).
 */
export async function findClaimsSince(db: DbOrTx, userId: string, knownVersion: number) {
  const rows = await db.$queryRaw<{ claimsVersion: number; workspaceId: string | null; role: Role | null }[]>`
    SELECT u."claimsVersion", m."workspaceId", m."role"::text AS "role"
    FROM "User" u LEFT JOIN "Membership" m ON m."userId" = u."id" AND u."claimsVersion" <> ${knownVersion}::int
    WHERE u."id" = ${userId}`;
  const first = rows[0];
  if (!first) return null;
  return {
    claimsVersion: first.claimsVersion,
    memberships: rows.flatMap((r) => (r.workspaceId && r.role ? [{ workspaceId: r.workspaceId, role: r.role }] : [])),
  };
}

export function findUserClaims(db: DbOrTx, userId: string) {
  return db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      claimsVersion: true,
      memberships: { select: { workspaceId: true, role: true, workspace: { select: { requireMfa: true } } } },
      totpFactor: { select: { confirmedAt: true } },
    },
  });
}

export function markEmailVerified(db: DbOrTx, userId: string, at: Date) {
  return db.user.updateMany({ where: { id: userId, emailVerifiedAt: null }, data: { emailVerifiedAt: at } });
}

export function updatePasswordHash(db: DbOrTx, userId: string, passwordHash: string) {
  return db.user.update({ where: { id: userId }, data: { passwordHash }, select: { id: true } });
}

/** Changes the fields given; answers the profile as findUserById reads it. */
export function updateUserProfile(db: DbOrTx, userId: string, data: { name?: string; timeZone?: string }) {
  return db.user.update({
    where: { id: userId },
    data,
    select: { id: true, email: true, name: true, handle: true, emailVerifiedAt: true, timeZone: true, createdAt: true },
  });
}

export function findUsersByIds(db: DbOrTx, ids: string[]) {
  return db.user.findMany({ where: { id: { in: ids } }, select: publicUserSelect });
}

/** The people in a channel, by name. */
export function listChannelMemberUsers(db: DbOrTx, channelId: string) {
  return db.user.findMany({
    where: { channelMembers: { some: { channelId } } },
    orderBy: { name: "asc" },
    select: publicUserSelect,
  });
}

/** One person's own settings in a channel (null when they are not in it). */
export function findChannelMemberSettings(db: DbOrTx, channelId: string, userId: string) {
  return db.channelMember.findUnique({
    where: { channelId_userId: { channelId, userId } },
    select: { notifyLevel: true, lastReadAt: true },
  });
}
