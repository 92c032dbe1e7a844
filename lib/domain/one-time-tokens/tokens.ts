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

/**
 * The token's row, if it exists and is of this purpose. Unknown → 404; expired → 410. `used` tells the caller
 * whether it was spent already (some flows are idempotent for the same person).
 */
export async function findValidToken(db: DbOrTx, purpose: TokenPurpose, token: string, now: Date) {
  const row = token.length > 0 && token.length <= 200 ? await findOneTimeToken(db, hashOneTimeToken(token)) : null;
  if (!row || row.purpose !== purpose) throw new AppError("NOT_FOUND", "This link is not valid. Ask for a new one.");
  if (row.expiresAt <= now) throw new AppError("GONE", "This link has expired. Ask for a new one.");
  return { ...row, used: row.usedAt !== null };
}

/** Spends the token; a second, concurrent spend gets 410. */
export async function spendToken(db: DbOrTx, id: string, now: Date): Promise<void> {
  if (!(await markOneTimeTokenUsed(db, id, now))) throw new AppError("GONE", "This link was already used.");
}
