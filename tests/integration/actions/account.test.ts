// The emailed-link flows as the forms call them: forgot/reset password, sign-in link, resend verification,
// profile. FormData in; the database (and the real Auth.js cookie) checked after.
import { describe, expect, it, vi } from "vitest";
import {
  magicLinkSignInAction,
  requestMagicLinkAction,
  requestPasswordResetAction,
  resetPasswordAction,
} from "@/app/(auth)/actions";
import { resendVerificationAction, updateProfileAction } from "@/app/settings/actions";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { getDb } from "@/lib/data/db/client";
import { issueOneTimeToken, type TokenPurpose } from "@/lib/domain/one-time-tokens/tokens";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { createUser } from "../../factories";
import { testCookies, useSessionCookie } from "../../support/cookies";
import { actAs, expectFailure, expectOk, form, redirectOf } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const eventsFor = async (name: string, userId: string) =>
  (await (await getDb()).outboxEvent.findMany({ where: { name }, select: { data: true } })).filter(
    (e) => (e.data as { userId?: string }).userId === userId,
  ).length;

const tokenFor = async (purpose: TokenPurpose, user: { id: string; email: string }, expiresInMs = 600_000) =>
  issueOneTimeToken(await getDb(), {
    purpose,
    email: user.email,
    userId: user.id,
    expiresAt: new Date(Date.now() + expiresInMs),
  });

describe("password reset actions", () => {
  it("answers the same for known and unknown addresses; only a known one records the email event", async () => {
    const user = await createUser();
    useSessionCookie(null);
    expect(expectOk(await requestPasswordResetAction(null, form({ email: user.email.toUpperCase() })))).toEqual({
      email: user.email,
    });
    expect(expectOk(await requestPasswordResetAction(null, form({ email: "nobody-here@example.test" })))).toEqual({
      email: "nobody-here@example.test",
    });
    expect(await eventsFor("user/password-reset-requested", user.id)).toBe(1);
    const bad = expectFailure(await requestPasswordResetAction(null, form({ email: "nope" })), "VALIDATION_FAILED");
    expect(bad.fields?.email).toBe("must be an email address");
  });

  it("sets the new password from the link and signs in; a short password or a used link changes nothing", async () => {
    const user = await createUser();
    const token = await tokenFor("PASSWORD_RESET", user);
    useSessionCookie(null);
    const short = expectFailure(
      await resetPasswordAction(null, form({ token, password: "short" })),
      "VALIDATION_FAILED",
    );
    expect(short.fields?.password).toBe("must be at least 10 characters");
    expect(await verifyCredentials({ email: user.email, password: user.password })).not.toBeNull();

    expect(await redirectOf(resetPasswordAction(null, form({ token, password: "a whole new phrase" })))).toMatch(
      /\/w$/,
    );
    expect((await actorFromCookies(testCookies))?.userId).toBe(user.id);
    expect(await verifyCredentials({ email: user.email, password: "a whole new phrase" })).not.toBeNull();
    expect(await verifyCredentials({ email: user.email, password: user.password })).toBeNull();

    useSessionCookie(null);
    const used = expectFailure(
      await resetPasswordAction(null, form({ token, password: "yet another phrase" })),
      "GONE",
    );
    expect(used.message).toMatch(/already used/);
    expect(await verifyCredentials({ email: user.email, password: "a whole new phrase" })).not.toBeNull();
    expectFailure(
      await resetPasswordAction(null, form({ token: "", password: "yet another phrase" })),
      "VALIDATION_FAILED",
    );
  });
});

describe("sign-in link actions", () => {
  it("requests a link (neutral answer), and the link signs in once through Auth.js", async () => {
    const user = await createUser();
    useSessionCookie(null);
    expectOk(await requestMagicLinkAction(null, form({ email: user.email })));
    expect(await eventsFor("user/magic-link-requested", user.id)).toBe(1);

    const token = await tokenFor("MAGIC_LINK", user);
    const to = await redirectOf(magicLinkSignInAction(null, form({ token, next: "//evil.example/x" })));
    expect(to).not.toContain("evil");
    expect((await actorFromCookies(testCookies))?.userId).toBe(user.id);
    const row = await (await getDb()).user.findUnique({ where: { id: user.id }, select: { emailVerifiedAt: true } });
    expect(row?.emailVerifiedAt).not.toBeNull(); // the link proved the address

    useSessionCookie(null);
    const again = expectFailure(await magicLinkSignInAction(null, form({ token })), "GONE");
    expect(again.message).toMatch(/already used/);
    expect(await actorFromCookies(testCookies)).toBeNull();
  });

  it("an expired or unknown link is refused with its reason and no session", async () => {
    const user = await createUser();
    const expired = await tokenFor("MAGIC_LINK", user, -1000);
    useSessionCookie(null);
    expect(expectFailure(await magicLinkSignInAction(null, form({ token: expired })), "GONE").message).toMatch(
      /expired/,
    );
    expect(expectFailure(await magicLinkSignInAction(null, form({ token: "made-up" })), "GONE").message).toMatch(
      /not valid/,
    );
    // A reset token is not a sign-in token.
    const reset = await tokenFor("PASSWORD_RESET", user);
    expectFailure(await magicLinkSignInAction(null, form({ token: reset })), "GONE");
    expect(await actorFromCookies(testCookies)).toBeNull();
  });
});

describe("account actions", () => {
  it("resend verification records one event per request, and nothing once verified; needs a session", async () => {
    const user = await createUser();
    useSessionCookie(null);
    expectFailure(await resendVerificationAction(null, form({})), "UNAUTHENTICATED");
    await actAs(user.id);
    const before = await eventsFor("user/verification-requested", user.id);
    expect(expectOk(await resendVerificationAction(null, form({})))).toEqual({ alreadyVerified: false });
    expect(await eventsFor("user/verification-requested", user.id)).toBe(before + 1);
    await (await getDb()).user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
    expect(expectOk(await resendVerificationAction(null, form({})))).toEqual({ alreadyVerified: true });
    expect(await eventsFor("user/verification-requested", user.id)).toBe(before + 1);
  });

  it("updates name and time zone; a blank name or an unknown zone writes nothing", async () => {
    const user = await createUser();
    await actAs(user.id);
    const read = async () =>
      (await getDb()).user.findUnique({ where: { id: user.id }, select: { name: true, timeZone: true } });
    expect(
      expectOk(await updateProfileAction(null, form({ name: "  Renamed Person ", timeZone: "Asia/Tokyo" }))),
    ).toEqual({ name: "Renamed Person", timeZone: "Asia/Tokyo" });
    expect(await read()).toEqual({ name: "Renamed Person", timeZone: "Asia/Tokyo" });

    const blank = expectFailure(
      await updateProfileAction(null, form({ name: " ", timeZone: "Europe/Paris" })),
      "VALIDATION_FAILED",
    );
    expect(blank.fields?.name).toBe("is required");
    const zone = expectFailure(
      await updateProfileAction(null, form({ name: "Other", timeZone: "Mars/Olympus_Mons" })),
      "VALIDATION_FAILED",
    );
    expect(zone.fields?.timeZone).toBe("is not a known time zone");
    expectFailure(
      await updateProfileAction(null, form({ name: "Other", timeZone: "UTC", role: "OWNER" })),
      "VALIDATION_FAILED",
    );
    expect(await read()).toEqual({ name: "Renamed Person", timeZone: "Asia/Tokyo" });
  });
});
