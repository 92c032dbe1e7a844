// Secrets the server must read back (an authenticator app's TOTP seed, a webhook's signing secret) are stored sealed:
// AES-256-GCM under a key derived for their purpose, with the row they belong to as associated data, so a copied
// database (a backup, a leaked dump) holds no usable seed and a sealed value moved to another row does not open.
// The key: SECRETS_ENCRYPTION_KEY; else derived from AUTH_SECRET; else (embedded mode) generated once into .data/.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import path from "node:path";
import { decodeKey, env } from "@/lib/env";
import { keyFromFile } from "../keys";

const PREFIX = "sealed:v1:";
const IV = 12;
const TAG = 16;

export type SealPurpose = "totp" | "webhook-secret";

let base: Buffer | undefined;
function baseKey(): Buffer {
  base ??= env.SECRETS_ENCRYPTION_KEY
    ? decodeKey(env.SECRETS_ENCRYPTION_KEY)!
    : env.AUTH_SECRET
      ? Buffer.from(env.AUTH_SECRET, "utf8")
      : keyFromFile(path.resolve(".data/secrets-key"));
  return base;
}

function keyFor(purpose: SealPurpose): Buffer {
  return Buffer.from(hkdfSync("sha256", baseKey(), Buffer.alloc(0), `tidings sealed secret: ${purpose}`, 32));
}

/** `owner` (e.g. the user id) is bound to the ciphertext: opening it for another owner fails. */
export function seal(purpose: SealPurpose, owner: string, plaintext: string): string {
  const iv = randomBytes(IV);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(owner, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

export class SealedSecretError extends Error {}

/**
 * The plaintext of a value written by `seal`. A value without the prefix predates sealing (an authenticator enrolled
 * before secrets were sealed) and is returned as it is; the next write of that row seals it.
 */
export function open(purpose: SealPurpose, owner: string, stored: string): string {
  if (!stored.startsWith(PREFIX)) return stored;
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64url");
  if (raw.length < IV + TAG) throw new SealedSecretError("sealed secret is truncated");
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), raw.subarray(0, IV));
    decipher.setAAD(Buffer.from(owner, "utf8"));
    decipher.setAuthTag(raw.subarray(IV, IV + TAG));
    return Buffer.concat([decipher.update(raw.subarray(IV + TAG)), decipher.final()]).toString("utf8");
  } catch {
    throw new SealedSecretError(
      "a sealed secret does not open with this key (was SECRETS_ENCRYPTION_KEY or AUTH_SECRET changed?)",
    );
  }
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);
