// Passkeys: register from settings, list, remove. Removing one ends the person's other sessions (one of them may
// have signed in with it) and tells them by email, as adding one does.
import { generateRegistrationOptions, verifyRegistrationResponse } from "@simplewebauthn/server";
import { getDb } from "@/lib/data/db/client";
import {
  deletePasskey,
  insertChallenge,
  insertPasskey,
  listPasskeyCredentialIds,
  listPasskeys,
  spendChallenge,
} from "@/lib/data/mfa-passkeys";
import { findUserById } from "@/lib/data/users";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/outbox/record";
import type { PasskeyRegistrationResponse } from "@/lib/validation/passkeys";
import type { Actor } from "../actor";
import { endAllSessions } from "../sessions/sessions";
import { requireSessionActor } from "./session-actor";
import { CHALLENGE_TTL_MS, relyingParty } from "./webauthn-config";
import { transaction } from "@/lib/data/db/transaction";
import { forgetActorsOf } from "@/lib/data/cache/actors";

const refused = () => new AppError("UNAUTHENTICATED", "The passkey could not be verified. Try again.");

export async function startPasskeyRegistration(actor: Actor) {
  requireSessionActor(actor);
  const db = await getDb();
  const [user, existing] = await Promise.all([
    findUserById(db, actor.userId),
    listPasskeyCredentialIds(db, actor.userId),
  ]);
  if (!user) throw notFound("User");
  const { rpName, rpID } = relyingParty();
  const options = await generateRegistrationOptions({
    rpName,
    rpID,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.id),
    attestationType: "none",
    excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
    // Discoverable, so the passkey alone signs in (no email typed first).
    authenticatorSelection: { residentKey: "required", userVerification: "preferred" },
  });
  await insertChallenge(db, {
    challenge: options.challenge,
    userId: actor.userId,
    purpose: "register",
    expiresAt: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
  return options;
}

/** `response` was checked for shape by lib/validation (it matches the browser's JSON); @simplewebauthn verifies it. */
export async function finishPasskeyRegistration(actor: Actor, response: PasskeyRegistrationResponse, name: string) {
  requireSessionActor(actor);
  const db = await getDb();
  const { rpID, origin } = relyingParty();
  const verification = await verifyRegistrationResponse({
    response: response,
    expectedChallenge: async (challenge) =>
      (await spendChallenge(db, challenge, "register", actor.userId, new Date())).count === 1,
    expectedOrigin: origin,
    expectedRPID: rpID,
    requireUserVerification: false,
  }).catch(() => null);
  if (!verification?.verified) throw refused();
  const { credential } = verification.registrationInfo;
  return transaction(db, async (tx) => {
    const passkey = await insertPasskey(tx, {
      userId: actor.userId,
      credentialId: credential.id,
      publicKey: new Uint8Array(credential.publicKey),
      counter: credential.counter,
      transports: credential.transports ?? [],
      name,
    });
    await recordEvent(tx, "user/security-notice", { userId: actor.userId, notice: "passkey-added" });
    return passkey;
  });
}

export async function listMyPasskeys(actor: Actor) {
  requireSessionActor(actor);
  return listPasskeys(await getDb(), actor.userId);
}

export async function removePasskey(actor: Actor, passkeyId: string) {
  const sessionId = requireSessionActor(actor);
  const result = await transaction(await getDb(), async (tx) => {
    if ((await deletePasskey(tx, actor.userId, passkeyId)).count !== 1) throw notFound("Passkey");
    const ended = await endAllSessions(tx, actor.userId, "passkey-removed", sessionId);
    await recordEvent(tx, "user/security-notice", { userId: actor.userId, notice: "passkey-removed" });
    return { endedSessions: ended.count };
  });
  await forgetActorsOf([actor.userId]); // its other sessions ended, cached ones too, everywhere
  return result;
}
