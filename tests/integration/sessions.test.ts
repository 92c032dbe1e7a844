// Sessions have records: sign-out, a password reset and "end session" refuse the old cookie on its next request.
import { describe, expect, it, vi } from "vitest";
import { resetPasswordAction, signOutAction } from "@/app/(auth)/actions";
import { endOtherSessionsAction, endSessionAction } from "@/app/settings/actions";
import { actorFromCookies, actorFromRequest } from "@/lib/auth/resolve-actor";
import { listMySessions } from "@/lib/domain/sessions/sessions";
import { LAST_SEEN_INTERVAL_MS } from "@/lib/auth/claims";
import { getDb } from "@/lib/data/db/client";
import { issueOneTimeToken, type TokenPurpose } from "@/lib/domain/one-time-tokens/tokens";
import { signInWithMagicLink } from "@/lib/domain/users/magic-link";
import { resetPassword } from "@/lib/domain/users/password-reset";
import { api } from "../support/api";
import { authGetFn, authPostFn, ORIGIN, setCookies, signInThroughAuthJs } from "../support/auth-js";
import { testCookies, useRequestHeaders, useSessionCookie } from "../support/cookies";
import { createUser, sessionCookie } from "../factories";
import { expectFailure, expectOk, form, redirectOf } from "./actions/helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const works = async (cookie: string | null) => (await api("GET", "/api/v1/workspaces", { cookie })).status;

const tokenFor = async (purpose: TokenPurpose, user: { id: string; email: string }) =>
  issueOneTimeToken(await getDb(), {
    purpose,
    email: user.email,
    userId: user.id,
    expiresAt: new Date(Date.now() + 600_000),
  });

/** Signs out through the real Auth.js handler, as the browser's sign-out form posts it. */
async function signOutThroughAuthJs(cookie: string) {
  const csrfRes = await authGetFn(new Request(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrf = [...setCookies(csrfRes)].find(([name]) => name.endsWith("authjs.csrf-token"));
  return authPostFn(
    new Request(`${ORIGIN}/api/auth/signout`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: `${csrf?.[0]}=${csrf?.[1]}; ${cookie}` },
      body: new URLSearchParams({ csrfToken, callbackUrl: `${ORIGIN}/` }).toString(),
    }),
  );
}

describe("session records", () => {
  it("a sign-in opens a record with the device and a coarse client address", async () => {
    const user = await createUser();
    const { cookie } = await signInThroughAuthJs(user.email, user.password, {
      "user-agent": "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0",
      "x-forwarded-for": "203.0.113.77, 10.0.0.1",
    });
    expect(await works(cookie)).toBe(200);
    const rows = await (await getDb()).session.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ device: "Firefox on Android", clientAddress: "203.0.113.0/24", endedAt: null });
  });

  it("moves last seen forward at most once per interval", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const db = await getDb();
    const long = new Date(Date.now() - LAST_SEEN_INTERVAL_MS - 60_000);
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: long } });
    expect(await works(cookie)).toBe(200);
    const seen = (await db.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(long.getTime());
    const recent = new Date(Date.now() - 1000);
    await db.session.updateMany({ where: { userId: user.id }, data: { lastSeenAt: recent } });
    expect(await works(cookie)).toBe(200);
    expect((await db.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt).toEqual(recent);
  });

  it("a cookie whose claims carry no session id (issued before records existed) is refused", async () => {
    const user = await createUser();
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("@/lib/auth/secret");
    const token = await encode({
      token: { sub: user.id, claims: { uid: user.id, cv: 0, ws: {} } },
      secret: authSecret(),
      salt: "authjs.session-token",
    });
    expect(await works(`authjs.session-token=${token}`)).toBe(401);
  });

  it("a session id of another person is refused", async () => {
    const [ada, bob] = [await createUser(), await createUser()];
    await sessionCookie(ada.id);
    const adaSession = await (await getDb()).session.findFirstOrThrow({ where: { userId: ada.id } });
    const { encode } = await import("next-auth/jwt");
    const { authSecret } = await import("@/lib/auth/secret");
    const token = await encode({
      token: { sub: bob.id, claims: { uid: bob.id, sid: adaSession.id, cv: 0, ws: {} } },
      secret: authSecret(),
      salt: "authjs.session-token",
    });
    expect(await works(`authjs.session-token=${token}`)).toBe(401);
  });
});

describe("sign-out ends the session", () => {
  it("through Auth.js' sign-out endpoint: a copy of the cookie no longer works", async () => {
    const user = await createUser();
    const { cookie } = await signInThroughAuthJs(user.email, user.password);
    const other = await sessionCookie(user.id); // another device stays signed in
    expect(await works(cookie)).toBe(200);
    const res = await signOutThroughAuthJs(cookie ?? "");
    expect(res.status).toBe(302);
    expect(await works(cookie)).toBe(401);
    expect(await works(other)).toBe(200);
    const ended = await (await getDb()).session.findMany({ where: { userId: user.id, endedAt: { not: null } } });
    expect(ended.map((s) => s.endedReason)).toEqual(["signed-out"]);
  });

  it("through the sign-out button's server action", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    useSessionCookie(cookie);
    // Auth.js' signOut() reads the Cookie header through headers(); Next sets the protocol and host a browser sent.
    useRequestHeaders({ cookie, host: "127.0.0.1:3999", "x-forwarded-proto": "http" });
    try {
      expect(await redirectOf(signOutAction())).toMatch(/\/$/);
    } finally {
      useRequestHeaders({});
    }
    expect(await works(cookie)).toBe(401);
  });
});

describe("a password reset ends every session and spends every other link", () => {
  it("old cookies stop working, a second reset link and a sign-in link are spent", async () => {
    const user = await createUser();
    const [laptop, phone] = [await sessionCookie(user.id), await sessionCookie(user.id)];
    const first = await tokenFor("PASSWORD_RESET", user);
    const second = await tokenFor("PASSWORD_RESET", user);
    const magic = await tokenFor("MAGIC_LINK", user);
    expect(await works(laptop)).toBe(200);

    await resetPassword(first, "a brand new passphrase here");
    expect(await works(laptop)).toBe(401);
    expect(await works(phone)).toBe(401);
    await expect(resetPassword(second, "the attacker's passphrase")).rejects.toMatchObject({ code: "GONE" });
    await expect(signInWithMagicLink(magic)).rejects.toMatchObject({ code: "GONE" });
  });

  it("through the form: the new session works, the one from before does not", async () => {
    const user = await createUser();
    const before = await sessionCookie(user.id);
    const token = await tokenFor("PASSWORD_RESET", user);
    useSessionCookie(null);
    expect(
      await redirectOf(resetPasswordAction(null, form({ token, password: "a brand new passphrase here" }))),
    ).toMatch(/\/w$/);
    expect((await actorFromCookies(testCookies))?.userId).toBe(user.id);
    expect(await works(before)).toBe(401);
  });
});

describe("settings: a person's sessions", () => {
  const sessionOf = async (cookie: string) => {
    const actor = await actorFromRequest(new Request(`${ORIGIN}/`, { headers: { cookie } }));
    if (!actor?.sessionId) throw new Error("no session");
    return actor;
  };

  it("lists them with this device marked; ends one, then all others; the ended cookies stop working", async () => {
    const user = await createUser();
    const here = await sessionCookie(user.id, "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0");
    const phone = await sessionCookie(user.id, "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0");
    const tablet = await sessionCookie(user.id);
    const me = await sessionOf(here);
    const listed = await listMySessions(me);
    expect(listed).toHaveLength(3);
    expect(listed.filter((s) => s.current).map((s) => s.id)).toEqual([me.sessionId]);
    expect(listed.map((s) => s.device)).toContain("Firefox on Android");

    useSessionCookie(here);
    const phoneId = (await sessionOf(phone)).sessionId ?? "";
    expect(expectOk(await endSessionAction(null, form({ sessionId: phoneId })))).toEqual({ ended: 1 });
    expect(await works(phone)).toBe(401);
    expect(await works(tablet)).toBe(200);
    expectFailure(await endSessionAction(null, form({ sessionId: phoneId })), "NOT_FOUND");

    expect(expectOk(await endOtherSessionsAction(null, form({})))).toEqual({ ended: 1 });
    expect(await works(tablet)).toBe(401);
    expect(await works(here)).toBe(200);
    expect((await listMySessions(me)).map((s) => s.id)).toEqual([me.sessionId]);
  });

  it("cannot end someone else's session", async () => {
    const [ada, bob] = [await createUser(), await createUser()];
    const bobCookie = await sessionCookie(bob.id);
    const bobSession = (await sessionOf(bobCookie)).sessionId ?? "";
    useSessionCookie(await sessionCookie(ada.id));
    expectFailure(await endSessionAction(null, form({ sessionId: bobSession })), "NOT_FOUND");
    expect(await works(bobCookie)).toBe(200);
  });
});
