// The one thing a session awaiting its second factor may do: give it. Everything else (lib/auth's checkSession)
// treats that session as signed out.
import "server-only";
import { getDb } from "@/lib/data/db/client";
import { findSessionForMfa } from "@/lib/data/mfa";
import { claimsFromCookies, type CookieReader } from "../resolve-actor";

export type PendingSignIn = { userId: string; sessionId: string };

/** The cookie's session when it is open and still owes its second factor; null otherwise. */
export async function pendingSignInFromCookies(cookies: CookieReader): Promise<PendingSignIn | null> {
  const claims = await claimsFromCookies(cookies);
  if (!claims?.sid) return null;
  const row = await findSessionForMfa(await getDb(), claims.sid);
  if (!row || row.userId !== claims.uid || row.endedAt || !row.mfaPending) return null;
  return { userId: claims.uid, sessionId: claims.sid };
}
