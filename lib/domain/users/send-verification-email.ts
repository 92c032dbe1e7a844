import { emailOneTimeLink } from "./email-link";

export const VERIFY_EMAIL_TTL_MS = 48 * 3_600_000;

/**
 * Issues a verification token and emails its link, once per `idempotencyKey` (the triggering event's id).
 * Skipped when the user is gone or already verified.
 */
export function sendVerificationEmail(userId: string, idempotencyKey: string) {
  return emailOneTimeLink(userId, idempotencyKey, {
    purpose: "VERIFY_EMAIL",
    template: "verify-email",
    path: "/verify-email",
    ttlMs: VERIFY_EMAIL_TTL_MS,
    skip: (user) => (user.emailVerifiedAt ? "already verified" : undefined),
  });
}
