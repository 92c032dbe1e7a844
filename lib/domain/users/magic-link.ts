// Magic-link sign-in: request (answers the same whether or not the address has an account), email, and
// completion. Auth.js's own email provider needs a database adapter and sends inside the request; this flow
// keeps JWT sessions and the outbox: lib/auth wires `signInWithMagicLink` into a Credentials provider.
import { getDb } from "@/lib/data/db/client";
import { findUserById, markEmailVerified } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { emailOneTimeLink, requestEmailLink } from "./email-link";
import { redeemEmailedLink } from "../one-time-tokens/tokens";
import { transaction } from "@/lib/data/db/transaction";

export const MAGIC_LINK_TTL_MS = 15 * 60_000;

export const requestMagicLink = (email: string) => requestEmailLink(email, "user/magic-link-requested");

export function sendMagicLinkEmail(userId: string, idempotencyKey: string) {
  return emailOneTimeLink(userId, idempotencyKey, {
    purpose: "MAGIC_LINK",
    template: "magic-link",
    path: "/signin/magic-link",
    ttlMs: MAGIC_LINK_TTL_MS,
  });
}

/** Spends the link and returns who signed in; the link also proves the address, so it is marked verified. */
export async function signInWithMagicLink(token: string) {
  const db = await getDb();
  const now = new Date();
  return transaction(db, async (tx) => {
    const { subject: userId } = await redeemEmailedLink(tx, token, now, {
      purpose: "MAGIC_LINK",
      subject: "userId",
      ifUsed: { refuse: "This sign-in link was already used. Ask for a new one." },
    });
    await markEmailVerified(tx, userId, now);
    const user = await findUserById(tx, userId);
    if (!user) throw new AppError("NOT_FOUND", "This link is not valid. Ask for a new one.");
    return { id: user.id, email: user.email, name: user.name };
  });
}
