// Two-step sign-in (TOTP + recovery codes): enrolment, the second step of a sign-in, and each refusal.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { secondFactorAction } from "@/app/(auth)/mfa-actions";
import { requireActor } from "@/app/_lib/session";
import { confirmTotpAction, disableTotpAction, startTotpAction } from "@/app/settings/security/actions";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { getDb } from "@/lib/data/db/client";
import { totpCode } from "@/lib/domain/mfa/totp";
import { api } from "../support/api";
import { authGetFn, authPostFn, ORIGIN, setCookies, signInThroughAuthJs } from "../support/auth-js";
import { issueOneTimeToken } from "@/lib/domain/one-time-tokens/tokens";
import { testCookies, useSessionCookie as actAsCookie } from "../support/cookies";
import { createUser, sessionCookie, type TestUser } from "../factories";
import { expectFailure, expectOk, form, redirectOf } from "./actions/helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const STEP = 30_000;
const works = async (cookie: string | null) => (await api("GET", "/api/v1/workspaces", { cookie })).status;

// The clock stands still unless a test moves it: a slow run must not cross into the next 30-second step unnoticed.
beforeEach(() => void vi.useFakeTimers({ toFake: ["Date"], now: Date.now() }));
afterEach(() => void vi.useRealTimers());

/** Moves the clock to the next 30-second step, as waiting for the app's next code would. */
function nextStep() {
  vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + STEP });
}

/** Enrols TOTP from settings as the person; returns the secret and the recovery codes. */
async function enrol(user: TestUser) {
  const cookie = await sessionCookie(user.id);
  actAsCookie(cookie);
  const { secret } = expectOk(await startTotpAction(null, form({})));
  expectFailure(await confirmTotpAction(null, form({ code: wrong(secret) })), "UNAUTHENTICATED");
  const { recoveryCodes } = expectOk(await confirmTotpAction(null, form({ code: totpCode(secret) })));
  return { secret, recoveryCodes, cookie };
}

/** Password sign-in through Auth.js: the cookie it sets is pending its second factor. */
async function signInPending(user: TestUser) {
  const { cookie } = await signInThroughAuthJs(user.email, user.password);
  expect(cookie).not.toBeNull();
  actAsCookie(cookie);
  return cookie!;
}

/** A 6-digit code that is not the current one. */
const wrong = (secret: string) => (totpCode(secret) === "000000" ? "111111" : "000000");

const giveCode = (code: string) => secondFactorAction(null, form({ code, next: "/w" }));

describe("two-step sign-in", { timeout: 90_000 }, () => {
  it("still accepts a factor stored before seeds were sealed, and seals it on first use", async () => {
    const user = await createUser();
    const { secret, cookie } = await enrol(user);
    const db = await getDb();
    await db.totpFactor.update({ where: { userId: user.id }, data: { secret } }); // as an older release stored it
    await signInPending(user);
    nextStep();
    expect(await redirectOf(giveCode(totpCode(secret)))).toBe("/w");
    const factor = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.secret).toMatch(/^sealed:v1:/);
    expect(cookie).toBeTruthy();
  });

  it("enrols with a QR code and a typed code; ten recovery codes, stored hashed; an email goes out", async () => {
    const user = await createUser();
    actAsCookie(await sessionCookie(user.id));
    const started = expectOk(await startTotpAction(null, form({})));
    expect(started.qrSvg).toMatch(/^<svg [^>]*viewBox/);
    expect(started.uri).toContain(`secret=${started.secret}`);
    const { recoveryCodes } = expectOk(await confirmTotpAction(null, form({ code: totpCode(started.secret) })));
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    const db = await getDb();
    const stored = await db.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored).toHaveLength(10);
    for (const row of stored) {
      expect(row.codeHash).toMatch(/^\$argon2id\$/);
      expect(recoveryCodes.some((c) => row.codeHash.includes(c))).toBe(false);
    }
    // The seed is stored sealed: the row holds neither it nor anything it can be read from without the key.
    const factor = await db.totpFactor.findUniqueOrThrow({ where: { userId: user.id } });
    expect(factor.secret).toMatch(/^sealed:v1:/);
    expect(factor.secret).not.toContain(started.secret);
    const events = await db.outboxEvent.findMany({ where: { name: "user/security-notice" } });
    expect(events.map((e) => e.data)).toContainEqual({ userId: user.id, notice: "mfa-enabled" });
    // Once on, enrolment cannot be restarted over it.
    expectFailure(await startTotpAction(null, form({})), "CONFLICT");
  });

  it("a password sign-in is unusable until the second factor passes: API, pages and actor all refuse it", async () => {
    const user = await createUser();
    const { secret } = await enrol(user);
    const cookie = await signInPending(user);
    expect(await works(cookie)).toBe(401);
    expect(await actorFromCookies(testCookies)).toBeNull();
    expect(await redirectOf(requireActor("/w"))).toBe("/signin/mfa?next=%2Fw");
    nextStep();
    expect(await redirectOf(giveCode(totpCode(secret)))).toBe("/w");
    expect(await works(cookie)).toBe(200);
  });

  it("an emailed sign-in link is a first factor too: its session waits for the code", async () => {
    const user = await createUser();
    const { secret } = await enrol(user);
    const token = await issueOneTimeToken(await getDb(), {
      purpose: "MAGIC_LINK",
      email: user.email,
      userId: user.id,
      expiresAt: new Date(Date.now() + 600_000),
    });
    const csrfRes = await authGetFn(new Request(`${ORIGIN}/api/auth/csrf`));
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const csrf = [...setCookies(csrfRes)].find(([name]) => name.endsWith("authjs.csrf-token"));
    const res = await authPostFn(
      new Request(`${ORIGIN}/api/auth/callback/magic-link`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${csrf?.[0]}=${csrf?.[1]}` },
        body: new URLSearchParams({ csrfToken, token, callbackUrl: `${ORIGIN}/` }).toString(),
      }),
    );
    const session = [...setCookies(res)].find(([name, value]) => /authjs\.session-token$/.test(name) && value !== "");
    expect(session).toBeDefined();
    const cookie = `${session![0]}=${session![1]}`;
    expect(await works(cookie)).toBe(401);
    actAsCookie(cookie);
    nextStep();
    expect(await redirectOf(giveCode(totpCode(secret)))).toBe("/w");
    expect(await works(cookie)).toBe(200);
  });

  it("refuses a wrong code, and a code replayed within its window", async () => {
    const user = await createUser();
    const { secret } = await enrol(user);
    const first = await signInPending(user);
    expect(expectFailure(await giveCode(wrong(secret)), "UNAUTHENTICATED").message).toMatch(/not right/);
    // The code that confirmed enrolment is still inside its 30 seconds, but it was used: refused.
    expectFailure(await giveCode(totpCode(secret)), "UNAUTHENTICATED");
    expect(await works(first)).toBe(401);
    nextStep();
    const code = totpCode(secret);
    expect(await redirectOf(giveCode(code))).toBe("/w");
    const second = await signInPending(user);
    expectFailure(await giveCode(code), "UNAUTHENTICATED");
    expect(await works(second)).toBe(401);
  });

  it("a recovery code works once", async () => {
    const user = await createUser();
    const { recoveryCodes } = await enrol(user);
    const code = recoveryCodes[3]!;
    const first = await signInPending(user);
    expect(await redirectOf(giveCode(code.toUpperCase()))).toBe("/w");
    expect(await works(first)).toBe(200);
    const second = await signInPending(user);
    expectFailure(await giveCode(code), "UNAUTHENTICATED");
    expect(await works(second)).toBe(401);
    expect(await redirectOf(giveCode(recoveryCodes[4]!))).toBe("/w");
  });

  it("counts code attempts: the eleventh in the window is refused even when right", async () => {
    const user = await createUser();
    const { secret } = await enrol(user); // one attempt: the right code (the wrong one before it was another)
    await signInPending(user);
    for (let i = 0; i < 8; i++) expectFailure(await giveCode(wrong(secret)), "UNAUTHENTICATED");
    nextStep();
    expectFailure(await giveCode(totpCode(secret)), "RATE_LIMITED");
  });

  it("the step needs a session awaiting it: none, or an already complete one, is refused", async () => {
    const user = await createUser();
    const { secret } = await enrol(user);
    actAsCookie(null);
    expectFailure(await giveCode(totpCode(secret)), "UNAUTHENTICATED");
    actAsCookie(await sessionCookie(user.id)); // a full session (e.g. from a passkey) has nothing to complete
    nextStep();
    expectFailure(await giveCode(totpCode(secret)), "UNAUTHENTICATED");
  });

  it("turning it off takes a current code, ends the other sessions and sends an email", async () => {
    const user = await createUser();
    const { secret, cookie } = await enrol(user);
    const other = await sessionCookie(user.id);
    actAsCookie(cookie);
    expectFailure(await disableTotpAction(null, form({ code: wrong(secret) })), "UNAUTHENTICATED");
    expect(await works(other)).toBe(200);
    nextStep();
    expect(expectOk(await disableTotpAction(null, form({ code: totpCode(secret) }))).endedSessions).toBe(1);
    expect(await works(other)).toBe(401);
    expect(await works(cookie)).toBe(200);
    const db = await getDb();
    expect(await db.totpFactor.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const events = await db.outboxEvent.findMany({ where: { name: "user/security-notice" } });
    expect(events.map((e) => e.data)).toContainEqual({ userId: user.id, notice: "mfa-disabled" });
    // Off: a password sign-in is complete at once.
    expect(await works(await signInPending(user))).toBe(200);
  });
});
