// Password reset: request (always answers the same, so it reveals no accounts), email, completion.
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb } from "@/lib/data/db/client";
import { spendUserTokens } from "@/lib/data/one-time-tokens";
import { updatePasswordHash } from "@/lib/data/users";
import { emailOneTimeLink, requestEmailLink } from "./email-link";
import { redeemEmailedLink } from "../one-time-tokens/tokens";
import { endAllSessions } from "../sessions/sessions";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import { transaction } from "@/lib/data/db/transaction";

export const PASSWORD_RESET_TTL_MS = 3_600_000;

export const requestPasswordReset = (email: string) => requestEmailLink(email, "user/password-reset-requested");

export function sendPasswordResetEmail(userId: string, idempotencyKey: string) {
  return emailOneTimeLink(userId, idempotencyKey, {
    purpose: "PASSWORD_RESET",
    template: "password-reset",
    path: "/reset-password",
    ttlMs: PASSWORD_RESET_TTL_MS,
  });
}

/**
 * Sets the new password from the emailed link; the link works once. Whoever held the old password may hold a
 * session or another emailed link: every session of the person ends, and every other reset or sign-in link is spent.
 */
export async function resetPassword(token: string, newPassword: string) {
  const db = await getDb();
  const now = new Date();
  const opening = {
    purpose: "PASSWORD_RESET",
    subject: "userId",
    ifUsed: { refuse: "This link was already used. Ask for a new one." },
  } as const;
  // A dead link is said first (no point choosing a better password for it); the token is spent only in the transaction.
  const peek = await redeemEmailedLink(db, token, now, { ...opening, spend: "later" });
  await assertStrongPassword(newPassword, { email: peek.email });
  const passwordHash = await hashPassword(newPassword);
  const reset = await transaction(db, async (tx) => {
    const link = await redeemEmailedLink(tx, token, now, opening);
    await updatePasswordHash(tx, link.subject, passwordHash);
    await endAllSessions(tx, link.subject, "password-reset");
    await spendUserTokens(tx, link.subject, ["PASSWORD_RESET", "MAGIC_LINK"], now);
    return { userId: link.subject, email: link.email };
  });
  await forgetActorsOf([reset.userId]); // their sessions ended: cached ones too, everywhere
  return reset;
}
