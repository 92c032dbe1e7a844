// Signing in with a passkey alone: a discoverable credential names its person, and its signature is both factors.
import { generateAuthenticationOptions, verifyAuthenticationResponse } from "@simplewebauthn/server";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { getDb } from "@/lib/data/db/client";
import { findPasskeyByCredentialId, insertChallenge, recordPasskeyUse, spendChallenge } from "@/lib/data/mfa-passkeys";
import { CHALLENGE_TTL_MS, relyingParty } from "./webauthn-config";

export async function startPasskeySignIn() {
  const { rpID } = relyingParty();
  const options = await generateAuthenticationOptions({ rpID, userVerification: "preferred" });
  await insertChallenge(await getDb(), {
    challenge: options.challenge,
    userId: null,
    purpose: "sign-in",
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
  return options;
}

/** The person the assertion proves, or null (unknown credential, bad signature, spent or foreign challenge). */
export async function verifyPasskeySignIn(response: AuthenticationResponseJSON) {
  const db = await getDb();
  const passkey = await findPasskeyByCredentialId(db, response.id);
  if (!passkey) return null;
  const { rpID, origin } = relyingParty();
  const verification = await verifyAuthenticationResponse({
    response,
    expectedChallenge: async (challenge) =>
      (await spendChallenge(db, challenge, "sign-in", null, new Date())).count === 1,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
    credential: {
      id: passkey.credentialId,
      publicKey: new Uint8Array(passkey.publicKey),
      counter: passkey.counter,
      transports: passkey.transports,
    },
  }).catch(() => null);
  if (!verification?.verified) return null;
  await recordPasskeyUse(db, passkey.id, verification.authenticationInfo.newCounter, new Date());
  return passkey.user;
}
