// TOTP (RFC 6238, the authenticator-app codes): 6 digits, 30-second steps, SHA-1, as every authenticator app expects.
import { Secret, TOTP } from "otpauth";

const PERIOD = 30;

function totp(secret: string, label = "") {
  return new TOTP({
    issuer: "Tidings",
    label,
    algorithm: "SHA1",
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secret),
  });
}

/** A fresh 160-bit secret, base32 (what authenticator apps read from the QR code). */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The otpauth:// URI the QR code carries. */
export const totpUri = (secret: string, accountName: string) => totp(secret, accountName).toString();

/**
 * The 30-second step a code belongs to, accepting the previous and next step for clock drift; null when the code is
 * wrong. The caller refuses a step already used (lastStep), so a code works once.
 */
export function matchTotpStep(secret: string, code: string, now = Date.now()): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const t = totp(secret);
  const delta = t.validate({ token: code, timestamp: now, window: 1 });
  if (delta === null) return null;
  return t.counter({ timestamp: now }) + delta;
}

/** The current code (tests and the e2e compute codes the way an authenticator app would). */
export const totpCode = (secret: string, now = Date.now()) => totp(secret).generate({ timestamp: now });
