import { getDb } from "@/lib/data/db/client";
import { findUserByEmail, findUserById } from "@/lib/data/users";
import { appLink, sendEmail } from "../mail/send-email";
import { issueOneTimeToken } from "../one-time-tokens/tokens";
import { recordEvent } from "@/lib/outbox/record";
import { takeRateLimit } from "../rate-limits";
import { transaction } from "@/lib/data/db/transaction";

/**
 * "Email me a link" (password reset, sign-in link): answers the same whether or not the address has an account,
 * so it reveals none; at most a few per address and hour, whoever asks.
 */
export async function requestEmailLink(
  email: string,
  event: "user/password-reset-requested" | "user/magic-link-requested",
): Promise<void> {
  const address = email.trim().toLowerCase();
  await takeRateLimit("email-link", address);
  const db = await getDb();
  await transaction(db, async (tx) => {
    const user = await findUserByEmail(tx, address);
    if (user) await recordEvent(tx, event, { userId: user.id, email: user.email });
  });
}

type LinkEmail = {
  purpose: "VERIFY_EMAIL" | "PASSWORD_RESET" | "MAGIC_LINK";
  template: "verify-email" | "password-reset" | "magic-link";
  path: string;
  ttlMs: number;
  /** Reason to skip sending, given the user as they are now. */
  skip?: (user: { emailVerifiedAt: Date | null }) => string | undefined;
};

/**
 * Issues a fresh single-use token for the user and emails its link, once per `idempotencyKey`
 * (the triggering event's id): the shared step of the verify, reset and magic-link emails.
 */
export async function emailOneTimeLink(userId: string, idempotencyKey: string, link: LinkEmail) {
  const db = await getDb();
  const user = await findUserById(db, userId);
  if (!user) return { sent: false as const, reason: "no such user" };
  const skipped = link.skip?.(user);
  if (skipped) return { sent: false as const, reason: skipped };
  const token = await issueOneTimeToken(db, {
    purpose: link.purpose,
    email: user.email,
    userId: user.id,
    expiresAt: new Date(Date.now() + link.ttlMs),
  });
  const url = appLink(link.path, { token });
  const result = await sendEmail(link.template, { name: user.name, url }, { email: user.email, idempotencyKey });
  return { sent: true as const, duplicate: result.duplicate };
}
