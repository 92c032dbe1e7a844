import "server-only";
import type { DbOrTx } from "./db/client";

export function insertSession(
  db: DbOrTx,
  data: { userId: string; device: string; clientAddress: string; mfaPending?: boolean },
) {
  return db.session.create({ data, select: { id: true } });
}

export type SessionCheckRow = {
  userId: string;
  endedAt: Date | null;
  lastSeenAt: Date;
  mfaPending: boolean;
  claimsVersion: number;
};

/**
 * The one lookup per request: the session's state and its person's claims version, in a single round trip (a join
 * by primary key; Prisma's nested select would issue two queries).
 */
export async function findSessionCheck(db: DbOrTx, sessionId: string): Promise<SessionCheckRow | null> {
  const rows = await db.$queryRaw<SessionCheckRow[]>`
    SELECT s."userId", s."endedAt", s."lastSeenAt", s."mfaPending", u."claimsVersion"
    FROM "Session" s JOIN "User" u ON u.id = s."userId"
    WHERE s.id = ${sessionId}`;
  return rows[0] ?? null;
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
