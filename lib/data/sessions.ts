import "server-only";
import type { DbOrTx } from "./db/client";
import type { Role } from "./generated/prisma/enums";

export function insertSession(
  db: DbOrTx,
  data: { userId: string; device: string; clientAddress: string; mfaPending?: boolean },
) {
  return db.session.create({ data, select: { id: true } });
}

export type SessionClaimsRow = {
  userId: string;
  endedAt: Date | null;
  lastSeenAt: Date;
  /** Signed in with a first factor only: good for nothing but the second step. */
  mfaPending: boolean;
  claimsVersion: number;
  /** Whether the person has two-step sign-in on (for workspaces that require it). */
  hasMfa: boolean;
  /** Only when the claims version differs from the one the caller knows. */
  memberships: { workspaceId: string; role: Role; workspace: { requireMfa: boolean } }[];
};

/**
 * The per-request check in one round trip: the session's state, its person's claims version and, only when that
 * differs from `knownVersion`, their memberships (so a current session reads one row, a stale one reloads).
 */
export async function findSessionClaims(
  db: DbOrTx,
  sessionId: string,
  knownVersion: number,
): Promise<SessionClaimsRow | null> {
  const rows = await db.$queryRaw<
    {
      userId: string;
      endedAt: Date | null;
      lastSeenAt: Date;
      mfaPending: boolean;
      claimsVersion: number;
      hasMfa: boolean;
      workspaceId: string | null;
      role: Role | null;
      requireMfa: boolean | null;
    }[]
  >`
    SELECT s."userId", s."endedAt", s."lastSeenAt", s."mfaPending", u."claimsVersion",
      (t."confirmedAt" IS NOT NULL) AS "hasMfa", m."workspaceId", m."role"::text AS "role", w."requireMfa"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    LEFT JOIN "TotpFactor" t ON t."userId" = u.id
    LEFT JOIN "Membership" m ON m."userId" = u.id AND u."claimsVersion" <> ${knownVersion}::int
    LEFT JOIN "Workspace" w ON w.id = m."workspaceId"
    WHERE s.id = ${sessionId}`;
  const first = rows[0];
  if (!first) return null;
  return {
    userId: first.userId,
    endedAt: first.endedAt,
    lastSeenAt: first.lastSeenAt,
    mfaPending: first.mfaPending,
    claimsVersion: first.claimsVersion,
    hasMfa: first.hasMfa,
    memberships: rows.flatMap((r) =>
      r.workspaceId && r.role
        ? [{ workspaceId: r.workspaceId, role: r.role, workspace: { requireMfa: r.requireMfa === true } }]
        : [],
    ),
  };
}

/** Moves "last seen" forward unless it was written after `unlessAfter` (so at most one write per interval). */
export function touchSession(db: DbOrTx, sessionId: string, now: Date, unlessAfter: Date) {
  return db.session.updateMany({
    where: { id: sessionId, endedAt: null, lastSeenAt: { lt: unlessAfter } },
    data: { lastSeenAt: now },
  });
}

/** Ends one of the person's open sessions; the count says whether there was one. */
export function endSessionRow(db: DbOrTx, userId: string, sessionId: string, reason: string, now: Date) {
  return db.session.updateMany({
    where: { id: sessionId, userId, endedAt: null },
    data: { endedAt: now, endedReason: reason },
  });
}

/** Ends every open session of the person, but `exceptId` when given. */
export function endUserSessions(db: DbOrTx, userId: string, reason: string, now: Date, exceptId?: string) {
  return db.session.updateMany({
    where: { userId, endedAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    data: { endedAt: now, endedReason: reason },
  });
}

export function listOpenSessions(db: DbOrTx, userId: string) {
  return db.session.findMany({
    where: { userId, endedAt: null },
    orderBy: { lastSeenAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, device: true, clientAddress: true },
  });
}

/** Sessions ended, or not seen (so their cookie has expired), before `before`: deleted by the nightly cleanup. */
export function deleteSessionsDoneBefore(db: DbOrTx, before: Date) {
  return db.session.deleteMany({ where: { OR: [{ endedAt: { lt: before } }, { lastSeenAt: { lt: before } }] } });
}
