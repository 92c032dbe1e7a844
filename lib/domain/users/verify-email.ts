import { getDb } from "@/lib/data/db/client";
import { findUserById, markEmailVerified } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { Actor } from "../actor";
import { recordEvent } from "@/lib/outbox/record";
import { takeRateLimit } from "../rate-limits";
import { redeemEmailedLink } from "../one-time-tokens/tokens";
import { transaction } from "@/lib/data/db/transaction";

/** Completes verification from the emailed link. Opening the link twice is fine: the second time changes nothing. */
export async function verifyEmail(token: string) {
  const db = await getDb();
  const now = new Date();
  return transaction(db, async (tx) => {
    const link = await redeemEmailedLink(tx, token, now, {
      purpose: "VERIFY_EMAIL",
      subject: "userId",
      ifUsed: "reopen",
    });
    await markEmailVerified(tx, link.subject, now);
    return { userId: link.subject, email: link.email };
  });
}

/** "Send me the link again": a new email with a new token (earlier links keep working until they expire). */
export async function requestEmailVerification(actor: Actor) {
  const db = await getDb();
  const user = await findUserById(db, actor.userId);
  if (!user) throw new AppError("NOT_FOUND", "User not found");
  if (user.emailVerifiedAt) return { alreadyVerified: true };
  // The limiter may be a network call (Upstash): taken before, not inside, a transaction; the event is one write.
  await takeRateLimit("email-link", user.email);
  await recordEvent(db, "user/verification-requested", { userId: user.id, email: user.email });
  return { alreadyVerified: false };
}
