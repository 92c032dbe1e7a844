// One code, either kind: a 6-digit TOTP code (each 30-second step accepted once) or a recovery code (each once).
import type { DbOrTx } from "@/lib/data/db/client";
import { findRecoveryCode, findTotpFactor, spendRecoveryCode, spendTotpStep } from "@/lib/data/mfa";
import { AppError } from "@/lib/errors";
import { takeRateLimit } from "../rate-limits";
import { matchTotpStep } from "./totp";
import { parseRecoveryCode, recoveryCodeMatches } from "./recovery-codes";

export const wrongCode = () =>
  new AppError("UNAUTHENTICATED", "That code is not right, or was already used. Try the next one.");

/**
 * Spends `code` for the person's confirmed TOTP factor, or throws: a wrong, replayed or spent code is one message
 * (which of them is not the caller's to learn). Counts against the per-person "mfa-code" limit before checking.
 */
export async function spendSecondFactorCode(db: DbOrTx, userId: string, rawCode: string, now = new Date()) {
  await takeRateLimit("mfa-code", userId);
  const code = rawCode.trim().replace(/\s+/g, "");
  const factor = await findTotpFactor(db, userId);
  if (!factor?.confirmedAt) throw new AppError("CONFLICT", "Two-step sign-in is not turned on");
  if (/^\d{6}$/.test(code)) {
    const step = matchTotpStep(factor.secret, code, now.getTime());
    if (step === null || step <= factor.lastStep) throw wrongCode();
    if ((await spendTotpStep(db, userId, step)).count !== 1) throw wrongCode();
    return { kind: "totp" as const };
  }
  const recovery = parseRecoveryCode(code);
  if (!recovery) throw wrongCode();
  const row = await findRecoveryCode(db, userId, recovery.lookup);
  if (!row || row.usedAt || !(await recoveryCodeMatches(row.codeHash, recovery.secret))) throw wrongCode();
  if ((await spendRecoveryCode(db, row.id, now)).count !== 1) throw wrongCode();
  return { kind: "recovery" as const };
}
