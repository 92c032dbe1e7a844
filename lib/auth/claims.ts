// Session claims: the user id, the session id, each workspace's role, and the claims version they were read at.
import "server-only";
import { getDb } from "@/lib/data/db/client";
import { findSessionCheck, touchSession } from "@/lib/data/sessions";
import { findUserClaims } from "@/lib/data/users";
import { allScopes, type Actor, type Role } from "@/lib/domain/actor";
import { splitByMfaPolicy } from "@/lib/domain/mfa/policy";

/** `mfa`: workspaces that require two-step sign-in the person has not turned on (see lib/domain/mfa/policy.ts). */
export type SessionClaims = { uid: string; sid: string; cv: number; ws: Record<string, Role>; mfa?: string[] };

/** "Last seen" is written at most this often per session, not on every request. */
export const LAST_SEEN_INTERVAL_MS = 5 * 60_000;

export async function loadClaims(userId: string, sessionId: string): Promise<SessionClaims | null> {
  const user = await findUserClaims(await getDb(), userId);
  if (!user) return null;
  const { usable, needSetup } = splitByMfaPolicy(user.memberships, user.totpFactor?.confirmedAt != null);
  return {
    uid: user.id,
    sid: sessionId,
    cv: user.claimsVersion,
    ws: Object.fromEntries(usable.map((m) => [m.workspaceId, m.role])),
    ...(needSetup.length ? { mfa: needSetup.map((m) => m.workspaceId) } : {}),
  };
}

/**
 * The per-request session check, one primary-key lookup: is this session still open, and which claims version is
 * current for its person? null when it was ended (sign-out, password reset, "end session"), never existed, or
 * belongs to someone else. Moves "last seen" forward now and then. A cache of resolved actors would wrap this.
 */
export async function checkSession(sessionId: string, userId: string, now = new Date()) {
  const db = await getDb();
  const row = await findSessionCheck(db, sessionId);
  // Awaiting its second factor, the session is good for nothing but that step (lib/auth/mfa/pending.ts).
  if (!row || row.userId !== userId || row.endedAt || row.mfaPending) return null;
  const stale = new Date(now.getTime() - LAST_SEEN_INTERVAL_MS);
  if (row.lastSeenAt < stale) await touchSession(db, sessionId, now, stale);
  return { claimsVersion: row.claimsVersion };
}

/**
 * Trusts the token's claims when their session is open and their version is current; when a role or membership
 * changed since the session was issued, reloads them for this request, so lost rights are lost at once.
 */
export async function freshClaims(claims: SessionClaims): Promise<SessionClaims | null> {
  if (typeof claims.sid !== "string" || !claims.sid) return null; // issued before sessions had records
  const session = await checkSession(claims.sid, claims.uid);
  if (!session) return null;
  if (session.claimsVersion === claims.cv) return claims;
  return loadClaims(claims.uid, claims.sid);
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
