// Passkeys (WebAuthn credentials) and the one-use challenges handed to browsers: queries only.
import "server-only";
import type { DbOrTx } from "./db/client";

const passkeySelect = { id: true, name: true, createdAt: true, lastUsedAt: true } as const;

export function listPasskeys(db: DbOrTx, userId: string) {
  return db.passkey.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: passkeySelect });
}

export function listPasskeyCredentialIds(db: DbOrTx, userId: string) {
  return db.passkey.findMany({ where: { userId }, select: { credentialId: true, transports: true } });
}

export function findPasskeyByCredentialId(db: DbOrTx, credentialId: string) {
  return db.passkey.findUnique({
    where: { credentialId },
    select: {
      id: true,
      userId: true,
      credentialId: true,
      publicKey: true,
      counter: true,
      transports: true,
      user: { select: { id: true, email: true, name: true } },
    },
  });
}

export function insertPasskey(
  db: DbOrTx,
  data: {
    userId: string;
    credentialId: string;
    publicKey: Uint8Array<ArrayBuffer>;
    counter: number;
    transports: string[];
    name: string;
  },
) {
  return db.passkey.create({ data, select: passkeySelect });
}

export function recordPasskeyUse(db: DbOrTx, id: string, counter: number, at: Date) {
  return db.passkey.update({ where: { id }, data: { counter, lastUsedAt: at }, select: { id: true } });
}

export function deletePasskey(db: DbOrTx, userId: string, id: string) {
  return db.passkey.deleteMany({ where: { id, userId } });
}

export function insertChallenge(
  db: DbOrTx,
  data: { challenge: string; userId: string | null; purpose: string; expiresAt: Date },
) {
  return db.webAuthnChallenge.create({ data, select: { challenge: true } });
}

/** Spends a live challenge made for this purpose (and person, when registering): the count is 1 once, then 0. */
export function spendChallenge(db: DbOrTx, challenge: string, purpose: string, userId: string | null, now: Date) {
  return db.webAuthnChallenge.deleteMany({ where: { challenge, purpose, userId, expiresAt: { gt: now } } });
}

export function deleteExpiredChallenges(db: DbOrTx, now: Date) {
  return db.webAuthnChallenge.deleteMany({ where: { expiresAt: { lte: now } } });
}
