// Passkeys: register from settings, sign in with one alone (real signatures, real @simplewebauthn verification
// through the Auth.js handlers), list, remove; and each refusal.
import { describe, expect, it, vi } from "vitest";
import { passkeySignInOptionsAction } from "@/app/(auth)/mfa-actions";
import {
  confirmTotpAction,
  passkeyOptionsAction,
  registerPasskeyAction,
  removePasskeyAction,
  startTotpAction,
} from "@/app/settings/security/actions";
import { getDb } from "@/lib/data/db/client";
import { listMyPasskeys } from "@/lib/domain/mfa/passkeys";
import { cleanupPasskeyChallenges } from "@/lib/domain/cleanup/run-cleanup";
import { totpCode } from "@/lib/domain/mfa/totp";
import { relyingParty } from "@/lib/domain/mfa/webauthn-config";
import { api } from "../support/api";
import { authGetFn, authPostFn, ORIGIN, setCookies } from "../support/auth-js";
import { useSessionCookie as actAsCookie } from "../support/cookies";
import { softAuthenticator } from "../support/soft-authenticator";
import { createUser, sessionCookie } from "../factories";
import { actorOf, expectFailure, expectOk, form } from "./actions/helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const works = async (cookie: string | null) => (await api("GET", "/api/v1/workspaces", { cookie })).status;

async function registerPasskey(cookie: string, name = "Laptop") {
  actAsCookie(cookie);
  const device = softAuthenticator(relyingParty());
  const options = expectOk(await passkeyOptionsAction(null, {}));
  const saved = await registerPasskeyAction(null, { name, response: JSON.stringify(device.register(options)) });
  return { device, saved };
}

/** A fresh sign-in challenge, answered by `device`: the JSON the browser posts. */
async function assertion(device: ReturnType<typeof softAuthenticator>) {
  actAsCookie(null);
  const options = expectOk(await passkeySignInOptionsAction(null, {}));
  return JSON.stringify(device.authenticate(options));
}

/** Posts an assertion to the real Auth.js passkey provider; returns the session cookie it set, if any. */
async function signInWithPasskey(response: string) {
  const csrfRes = await authGetFn(new Request(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrf = [...setCookies(csrfRes)].find(([name]) => name.endsWith("authjs.csrf-token"));
  const res = await authPostFn(
    new Request(`${ORIGIN}/api/auth/callback/passkey`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${csrf?.[0]}=${csrf?.[1]}` },
      body: new URLSearchParams({ csrfToken, response, callbackUrl: `${ORIGIN}/` }).toString(),
    }),
  );
  const session = [...setCookies(res)].find(([name, value]) => /authjs\.session-token$/.test(name) && value !== "");
  return session ? `${session[0]}=${session[1]}` : null;
}

describe("passkeys", { timeout: 90_000 }, () => {
  it("registers from settings, lists it, and signs in with it alone (even with two-step sign-in on)", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    actAsCookie(cookie);
    const { secret } = expectOk(await startTotpAction(null, form({})));
    expectOk(await confirmTotpAction(null, form({ code: totpCode(secret) })));
    const { device, saved } = await registerPasskey(cookie);
    expect(expectOk(saved).name).toBe("Laptop");
    const listed = await listMyPasskeys(await actorOf(user.id));
    expect(listed.map((p) => p.name)).toEqual(["Laptop"]);
    const events = await (await getDb()).outboxEvent.findMany({ where: { name: "user/security-notice" } });
    expect(events.map((e) => e.data)).toContainEqual({ userId: user.id, notice: "passkey-added" });

    const signedIn = await signInWithPasskey(await assertion(device));
    expect(signedIn).not.toBeNull();
    expect(await works(signedIn)).toBe(200);
    const row = await (await getDb()).passkey.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.counter).toBe(1);
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("refuses a replayed assertion, an unknown passkey and a registration answering someone else's challenge", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const { device } = await registerPasskey(cookie);
    const response = await assertion(device);
    expect(await signInWithPasskey(response)).not.toBeNull();
    expect(await signInWithPasskey(response)).toBeNull(); // its challenge was spent

    const stranger = softAuthenticator(relyingParty());
    expect(await signInWithPasskey(await assertion(stranger))).toBeNull();
    expect(await signInWithPasskey("{not json")).toBeNull();

    // A challenge issued to another person cannot register a passkey for this one.
    const other = await createUser();
    actAsCookie(await sessionCookie(other.id));
    const theirs = expectOk(await passkeyOptionsAction(null, {}));
    actAsCookie(cookie);
    const forged = await registerPasskeyAction(null, {
      name: "Stolen",
      response: JSON.stringify(softAuthenticator(relyingParty()).register(theirs)),
    });
    expectFailure(forged, "UNAUTHENTICATED");
    expectFailure(await registerPasskeyAction(null, { name: "x", response: "[]" }), "VALIDATION_FAILED");
  });

  it("removing a passkey ends the other sessions, and it no longer signs in", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const { device } = await registerPasskey(cookie);
    const viaPasskey = await signInWithPasskey(await assertion(device));
    expect(await works(viaPasskey)).toBe(200);
    const [passkey] = await listMyPasskeys(await actorOf(user.id));
    actAsCookie(cookie);
    expect(expectOk(await removePasskeyAction(null, form({ passkeyId: passkey!.id }))).endedSessions).toBe(1);
    expect(await works(viaPasskey)).toBe(401);
    expect(await works(cookie)).toBe(200);
    expect(await signInWithPasskey(await assertion(device))).toBeNull();
    actAsCookie(cookie);
    expectFailure(await removePasskeyAction(null, form({ passkeyId: passkey!.id })), "NOT_FOUND");
  });

  it("the cleanup removes challenges nobody answered once they expire, and only those", async () => {
    actAsCookie(null);
    const { challenge } = expectOk(await passkeySignInOptionsAction(null, {}));
    const db = await getDb();
    const row = await db.webAuthnChallenge.findUniqueOrThrow({ where: { challenge } });
    await cleanupPasskeyChallenges(new Date(row.expiresAt.getTime() - 1000));
    expect(await db.webAuthnChallenge.count({ where: { challenge } })).toBe(1);
    expect(await cleanupPasskeyChallenges(new Date(row.expiresAt.getTime() + 1000))).toBeGreaterThanOrEqual(1);
    expect(await db.webAuthnChallenge.count({ where: { challenge } })).toBe(0);
  });
});
