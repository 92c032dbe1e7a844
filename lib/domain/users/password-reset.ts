// Password reset: request (always answers the same, so it reveals no accounts), email, completion.
import { getDb } from "@/lib/data/db/client";
import { updatePasswordHash } from "@/lib/data/users";
import { emailOneTimeLink, requestEmailLink } from "./email-link";
import { redeemEmailedLink } from "../one-time-tokens/tokens";
import { hashPassword } from "./password";

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

/** Sets the new password from the emailed link; the link works once. */
export async function resetPassword(token: string, newPassword: string) {
  const db = await getDb();
  const now = new Date();
  const passwordHash = await hashPassword(newPassword);
  return db.$transaction(async (tx) => {
    const link = await redeemEmailedLink(tx, token, now, {
      purpose: "PASSWORD_RESET",
      subject: "userId",
      ifUsed: { refuse: "This link was already used. Ask for a new one." },
    });
    await updatePasswordHash(tx, link.subject, passwordHash);
    return { userId: link.subject, email: link.email };
  });
}
