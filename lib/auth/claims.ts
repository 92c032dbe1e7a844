// Session claims: the user id, each workspace's role, and the claims version they were read at.
import "server-only";
import { getDb } from "@/lib/data/db/client";
import { findClaimsVersion, findUserClaims } from "@/lib/data/users";
import { allScopes, type Actor, type Role } from "@/lib/domain/actor";

export type SessionClaims = { uid: string; cv: number; ws: Record<string, Role> };

export async function loadClaims(userId: string): Promise<SessionClaims | null> {
  const user = await findUserClaims(await getDb(), userId);
  if (!user) return null;
  return {
    uid: user.id,
    cv: user.claimsVersion,
    ws: Object.fromEntries(user.memberships.map((m) => [m.workspaceId, m.role])),
  };
}

/**
 * Trusts the token's claims when their version is current (one indexed lookup); when a role or membership
 * changed since the session was issued, reloads them for this request, so lost rights are lost at once.
 */
export async function freshClaims(claims: SessionClaims): Promise<SessionClaims | null> {
  const current = await findClaimsVersion(await getDb(), claims.uid);
  if (!current) return null;
  if (current.claimsVersion === claims.cv) return claims;
  return loadClaims(claims.uid);
}

export function sessionActor(claims: SessionClaims): Actor {
  return { userId: claims.uid, via: "session", roles: claims.ws, scopes: allScopes };
}
