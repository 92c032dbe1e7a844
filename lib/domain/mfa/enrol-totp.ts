// Turning two-step sign-in on: a new secret shown as a QR code, confirmed by the first right code, which also
// creates the ten recovery codes (shown once). Turning it on reloads the person's claims (workspace MFA policy).
import QRCode from "qrcode";
import { getDb } from "@/lib/data/db/client";
import { findTotpFactor, replaceRecoveryCodes, spendTotpStep, upsertPendingTotp } from "@/lib/data/mfa";
import { bumpClaimsVersion, findUserById } from "@/lib/data/users";
import { recordEvent } from "@/lib/outbox/record";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { takeRateLimit } from "../rate-limits";
import { requireSessionActor } from "./session-actor";
import { wrongCode } from "./check-code";
import { hashRecoveryCodes, newRecoveryCode, RECOVERY_CODE_COUNT } from "./recovery-codes";
import { matchTotpStep, newTotpSecret, totpUri } from "./totp";
import { transaction } from "@/lib/data/db/transaction";
import { forgetActorsOf } from "@/lib/data/cache/actors";

const alreadyOn = () => new AppError("CONFLICT", "Two-step sign-in is already on");

/** Starts (or restarts) enrolment: the secret, its otpauth URI and the QR code as SVG markup. */
export async function startTotpEnrolment(actor: Actor) {
  requireSessionActor(actor);
  const db = await getDb();
  const [user, factor] = await Promise.all([findUserById(db, actor.userId), findTotpFactor(db, actor.userId)]);
  if (!user) throw notFound("User");
  if (factor?.confirmedAt) throw alreadyOn();
  const secret = newTotpSecret();
  await upsertPendingTotp(db, actor.userId, secret);
  const uri = totpUri(secret, user.email);
  // Inline SVG, not a data: URL: the CSP's img-src is 'self'. The markup is only the library's path data.
  return { secret, uri, qrSvg: await QRCode.toString(uri, { type: "svg", margin: 1, width: 220 }) };
}

/** Confirms enrolment with a code from the app; returns the recovery codes, which are never shown again. */
export async function confirmTotpEnrolment(actor: Actor, code: string) {
  requireSessionActor(actor);
  await takeRateLimit("mfa-code", actor.userId);
  const db = await getDb();
  const factor = await findTotpFactor(db, actor.userId);
  if (!factor) throw new AppError("CONFLICT", "Start setting up two-step sign-in first");
  if (factor.confirmedAt) throw alreadyOn();
  const step = matchTotpStep(factor.secret, code.trim());
  if (step === null) throw wrongCode();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const hashed = await hashRecoveryCodes(codes);
  await transaction(db, async (tx) => {
    if ((await spendTotpStep(tx, actor.userId, step, new Date())).count !== 1) throw wrongCode();
    await replaceRecoveryCodes(tx, actor.userId, hashed);
    await bumpClaimsVersion(tx, [actor.userId]);
    await recordEvent(tx, "user/security-notice", { userId: actor.userId, notice: "mfa-enabled" });
  });
  await forgetActorsOf([actor.userId]); // committed: cached claims held the workspaces it now unlocks
  return { recoveryCodes: codes };
}
