// The second step of a sign-in: the session opened by the password or emailed link becomes usable once a code passes.
import { getDb } from "@/lib/data/db/client";
import { completeSessionMfa, findTotpFactor } from "@/lib/data/mfa";
import { AppError } from "@/lib/errors";
import { spendSecondFactorCode } from "./check-code";

/** Whether a sign-in by this person owes a second factor (two-step sign-in is on). */
export async function needsSecondFactor(userId: string): Promise<boolean> {
  const factor = await findTotpFactor(await getDb(), userId);
  return factor?.confirmedAt != null;
}

/** `pending` comes from lib/auth (the cookie's session, still awaiting its second factor). */
export async function completeSecondFactor(pending: { userId: string; sessionId: string }, code: string) {
  const db = await getDb();
  const spent = await spendSecondFactorCode(db, pending.userId, code);
  if ((await completeSessionMfa(db, pending.sessionId, pending.userId)).count !== 1)
    throw new AppError("UNAUTHENTICATED", "This sign-in has ended. Sign in again.");
  return spent;
}
