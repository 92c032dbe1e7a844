// Sessions: one record per sign-in. Signing out ends it; a password reset or change ends all of them; a person can
// end any of their own from settings. lib/auth refuses an ended session's cookie on its very next request.
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { endSessionRow, endUserSessions, insertSession, listOpenSessions } from "@/lib/data/sessions";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { coarseAddress, describeDevice } from "./describe-client";

export type SessionEndReason =
  "signed-out" | "password-reset" | "password-changed" | "ended-by-user" | "mfa-disabled" | "passkey-removed";

/** `mfaPending`: the first factor passed and a second is owed; lib/auth refuses the session until it is given. */
export async function startSession(
  userId: string,
  client: { userAgent: string | null; address: string | null },
  { mfaPending = false } = {},
) {
  const row = await insertSession(await getDb(), {
    userId,
    device: describeDevice(client.userAgent),
    clientAddress: coarseAddress(client.address),
    mfaPending,
  });
  return row.id;
}

export async function endSession(userId: string, sessionId: string, reason: SessionEndReason) {
  const ended = (await endSessionRow(await getDb(), userId, sessionId, reason, new Date())).count === 1;
  await forgetActorsOf([userId]); // the ended session's cached claims stop matching, on every instance
  return ended;
}

/**
 * Inside the caller's transaction (reset, change): every session of the person ends, but `keep` when given. The caller
 * calls forgetActorsOf once it committed.
 */
export const endAllSessions = (tx: DbOrTx, userId: string, reason: SessionEndReason, keep?: string) =>
  endUserSessions(tx, userId, reason, new Date(), keep);

function requireSession(actor: Actor): string {
  if (actor.via !== "session" || !actor.sessionId)
    throw new AppError("FORBIDDEN", "Sessions are managed from a signed-in browser");
  return actor.sessionId;
}

/** The person's open sessions, most recently seen first, the caller's own marked. */
export async function listMySessions(actor: Actor) {
  const current = requireSession(actor);
  const rows = await listOpenSessions(await getDb(), actor.userId);
  return rows.map((s) => ({ ...s, current: s.id === current }));
}

export async function endMySession(actor: Actor, sessionId: string) {
  requireSession(actor);
  if (!(await endSession(actor.userId, sessionId, "ended-by-user"))) throw notFound("Session");
}

/** "Sign out everywhere else": every session but the caller's. Returns how many ended. */
export async function endMyOtherSessions(actor: Actor) {
  const current = requireSession(actor);
  const { count } = await endAllSessions(await getDb(), actor.userId, "ended-by-user", current);
  await forgetActorsOf([actor.userId]);
  return count;
}
