// Password reset: request (always answers the same, so it reveals no accounts), email, completion.
import { getDb } from "@/lib/data/db/client";
import { spendUserTokens } from "@/lib/data/one-time-tokens";
import { updatePasswordHash } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { emailOneTimeLink, requestEmailLink } from "./email-link";
import { findValidToken, spendToken } from "../one-time-tokens/tokens";
import { endAllSessions } from "../sessions/sessions";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-strength";

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
  // A dead link is said first (no point choosing a better password for it); the token is spent only in the transaction.
  const link = await findValidToken(db, "PASSWORD_RESET", token, now);
  if (link.used) throw new AppError("GONE", "This link was already used. Ask for a new one.");
  await assertStrongPassword(newPassword, { email: link.email });
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const row = await findValidToken(tx, "PASSWORD_RESET", token, now);
    if (row.used) throw new AppError("GONE", "This link was already used. Ask for a new one.");
    if (!row.userId) throw new AppError("NOT_FOUND", "This link is not valid. Ask for a new one.");
    await spendToken(tx, row.id, now);
    await updatePasswordHash(tx, row.userId, passwordHash);
    await endAllSessions(tx, row.userId, "password-reset");
    await spendUserTokens(tx, row.userId, ["PASSWORD_RESET", "MAGIC_LINK"], now);
    return { userId: row.userId, email: row.email };
  });
}
