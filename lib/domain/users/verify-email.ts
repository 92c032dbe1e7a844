import { getDb } from "@/lib/data/db/client";
import { findUserById, markEmailVerified } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { Actor } from "../actor";
import { recordEvent } from "@/lib/outbox/record";
import { takeRateLimit } from "../rate-limits";
import { findValidToken, spendToken } from "../one-time-tokens/tokens";

/** Completes verification from the emailed link. Opening the link twice is fine: the second time changes nothing. */
export async function verifyEmail(token: string) {
  const db = await getDb();
  const now = new Date();
  return db.$transaction(async (tx) => {
    const row = await findValidToken(tx, "VERIFY_EMAIL", token, now);
    if (!row.userId) throw new AppError("NOT_FOUND", "This link is not valid. Ask for a new one.");
    if (!row.used) await spendToken(tx, row.id, now);
    await markEmailVerified(tx, row.userId, now);
    return { userId: row.userId, email: row.email };
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
