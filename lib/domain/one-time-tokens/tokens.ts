// Emailed single-use tokens (verify, reset, magic link, invite): 32 random bytes in the link, only sha256 stored.
// Each send issues a fresh token and earlier ones stay valid until they expire, so a retried send can never
// invalidate a link that already went out.
import { createHash, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/lib/data/db/client";
import { findOneTimeToken, insertOneTimeToken, markOneTimeTokenUsed } from "@/lib/data/one-time-tokens";
import { AppError } from "@/lib/errors";

export type TokenPurpose = "VERIFY_EMAIL" | "PASSWORD_RESET" | "MAGIC_LINK" | "INVITE";

export const hashOneTimeToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueOneTimeToken(
  db: DbOrTx,
  input: { purpose: TokenPurpose; email: string; userId?: string; inviteId?: string; expiresAt: Date },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await insertOneTimeToken(db, { ...input, tokenHash: hashOneTimeToken(token) });
  return token;
}

const NOT_VALID = "This link is not valid. Ask for a new one.";

/**
 * Opens an emailed link, the step that magic link, password reset, email verification and invite acceptance share:
 * - find the token: unknown (or of another purpose) → 404; expired → 410
 * - already spent → 410 with the `ifUsed.refuse` message, or, with `ifUsed: "reopen"`, accepted again (opening a verification or
 *   invite link twice changes nothing)
 * - whom it is for (`subject`: the user, or the invite) missing → 404 (`ifNoSubject`, or "not valid")
 * - spend it, unless `spend: "later"`: then the caller calls `spend()` once it knows the link does something
 *   (an invite accepted by someone who is already a member leaves its token as it was).
 */
export async function redeemEmailedLink<S extends "userId" | "inviteId">(
  db: DbOrTx,
  token: string,
  now: Date,
  link: {
    purpose: TokenPurpose;
    subject: S;
    ifUsed: { refuse: string } | "reopen";
    ifNoSubject?: string;
    spend?: "later";
  },
) {
  const row = await findValidToken(db, link.purpose, token, now);
  if (row.used && link.ifUsed !== "reopen") throw new AppError("GONE", link.ifUsed.refuse);
  const subject = row[link.subject];
  if (!subject) throw new AppError("NOT_FOUND", link.ifNoSubject ?? NOT_VALID);
  const spend = async () => {
    if (!row.used) await spendToken(db, row.id, now);
  };
  if (link.spend !== "later") await spend();
  return { email: row.email, subject, spend };
}

/** The token's row, if it exists and is of this purpose. Unknown → 404; expired → 410. */
async function findValidToken(db: DbOrTx, purpose: TokenPurpose, token: string, now: Date) {
  const row = token.length > 0 && token.length <= 200 ? await findOneTimeToken(db, hashOneTimeToken(token)) : null;
  if (!row || row.purpose !== purpose) throw new AppError("NOT_FOUND", NOT_VALID);
  if (row.expiresAt <= now) throw new AppError("GONE", "This link has expired. Ask for a new one.");
  return { ...row, used: row.usedAt !== null };
}

/** Spends the token; a second, concurrent spend gets 410. */
async function spendToken(db: DbOrTx, id: string, now: Date): Promise<void> {
  if (!(await markOneTimeTokenUsed(db, id, now))) throw new AppError("GONE", "This link was already used.");
}
