// Session claims: the user id, the session id, each workspace's role, and the claims version they were read at.
import "server-only";
import { getDb } from "@/lib/data/db/client";
import { lookUpSession, rememberSession } from "@/lib/data/cache/actors";
import { findSessionClaims, touchSession } from "@/lib/data/sessions";
import { findUserClaims } from "@/lib/data/users";
import { allScopes, type Actor, type Role } from "@/lib/domain/actor";
import { splitByMfaPolicy } from "@/lib/domain/mfa/policy";

/** `mfa`: workspaces that require two-step sign-in the person has not turned on (see lib/domain/mfa/policy.ts). */
export type SessionClaims = { uid: string; sid: string; cv: number; ws: Record<string, Role>; mfa?: string[] };

/** "Last seen" is written at most this often per session, not on every request. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60_000;

type MembershipWithPolicy = { workspaceId: string; role: Role; workspace: { requireMfa: boolean } };

/** The claims a person's memberships give under the workspaces' MFA policy. */
function claimsOf(uid: string, sid: string, cv: number, memberships: MembershipWithPolicy[], hasMfa: boolean) {
  const { usable, needSetup } = splitByMfaPolicy(memberships, hasMfa);
  const claims: SessionClaims = { uid, sid, cv, ws: Object.fromEntries(usable.map((m) => [m.workspaceId, m.role])) };
  if (needSetup.length) claims.mfa = needSetup.map((m) => m.workspaceId);
  return claims;
}

export async function loadClaims(userId: string, sessionId: string): Promise<SessionClaims | null> {
  const user = await findUserClaims(await getDb(), userId);
  if (!user) return null;
  return claimsOf(user.id, sessionId, user.claimsVersion, user.memberships, user.totpFactor?.confirmedAt != null);
}

/**
 * The per-request session check: is this session still open (and past its second factor), and which claims are
 * current for its person? From the cache when warm (no statement), else one statement (the session, the claims
 * version and, when the cookie's is stale, the memberships). null when the session was ended (sign-out, password
 * reset, "end session"), awaits its second factor (lib/auth/mfa/pending.ts), never existed, or belongs to someone
 * else. Moves "last seen" forward now and then.
 */
export async function freshClaims(claims: SessionClaims, now = new Date()): Promise<SessionClaims | null> {
  if (typeof claims.sid !== "string" || !claims.sid) return null; // issued before sessions had records
  const { uid, sid } = claims;
  const stale = new Date(now.getTime() - LAST_SEEN_INTERVAL_MS);
  const { hit, gen } = await lookUpSession(sid, uid);
  if (hit) {
    if (hit.seenAt < stale.getTime()) {
      await touchSession(await getDb(), sid, now, stale);
      await rememberSession(sid, { ...hit, seenAt: now.getTime() });
    }
    return { uid, sid, cv: hit.cv, ws: hit.ws, ...(hit.mfa?.length ? { mfa: hit.mfa } : {}) };
  }
  const db = await getDb();
  const row = await findSessionClaims(db, sid, claims.cv);
  // A pending session is never cached: completing its second step must be seen on the next request.
  if (!row || row.userId !== uid || row.endedAt || row.mfaPending) return null;
  let seenAt = row.lastSeenAt.getTime();
  if (row.lastSeenAt < stale) {
    await touchSession(db, sid, now, stale);
    seenAt = now.getTime();
  }
  const current =
    row.claimsVersion === claims.cv ? claims : claimsOf(uid, sid, row.claimsVersion, row.memberships, row.hasMfa);
  if (gen) await rememberSession(sid, { uid, cv: current.cv, ws: current.ws, mfa: current.mfa, seenAt, gen });
  return current;
}

export function sessionActor(claims: SessionClaims): Actor {
  return {
    userId: claims.uid,
    via: "session",
    roles: claims.ws,
    scopes: allScopes,
    sessionId: claims.sid,
    ...(claims.mfa?.length ? { mfaSetupIn: claims.mfa } : {}),
  };
}
