// Rate limits: the two counter stores behave the same (memory, and Upstash through the real SDK against a local
// fake over the real Redis), and the app applies them: API calls per token, sign-in attempts per address, sign-ups
// per client, link emails per address. A refused call is a 429 that says when to retry, and changes nothing.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.RATE_LIMIT_API_PER_MINUTE = "5";
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import {
  magicLinkSignInAction,
  requestMagicLinkAction,
  requestPasswordResetAction,
  signInAction,
  signUpAction,
} from "@/app/(auth)/actions";
import { resendVerificationAction } from "@/app/settings/actions";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { getDb } from "@/lib/data/db/client";
import { createMemoryStore } from "@/lib/data/rate-limit/memory";
import type { RateLimitStore } from "@/lib/data/rate-limit/store";
import { createUpstashStore } from "@/lib/data/rate-limit/upstash";
import { issueOneTimeToken } from "@/lib/domain/one-time-tokens/tokens";
import { startUpstashFake } from "../fakes/upstash-fake";
import { api } from "../support/api";
import { ORIGIN, signInThroughAuthJs } from "../support/auth-js";
import { testCookies, useRequestHeaders, useSessionCookie } from "../support/cookies";
import { awayFromWindowEdge } from "../support/windows";
import { createUser, createWorkspaceWithOwner } from "../factories";
import { actAs, expectFailure, expectOk, form, redirectOf } from "./actions/helpers";

const TOKEN = "upstash-test-token";
let fake: Awaited<ReturnType<typeof startUpstashFake>>;
const prefix = `test:rl:${randomBytes(6).toString("hex")}`;

beforeAll(async () => {
  fake = await startUpstashFake({ token: TOKEN });
});
afterAll(async () => {
  const keys = await fake.redis.keys(`${prefix}*`);
  if (keys.length) await fake.redis.del(...keys);
  await fake.close();
});
afterEach(() => {
  fake.setMode("up");
  useRequestHeaders({});
});

const stores: [string, () => RateLimitStore][] = [
  ["memory", () => createMemoryStore()],
  // A generous timeout: under a loaded CI a slow answer would fail open and read as "allowed".
  ["upstash", () => createUpstashStore({ url: fake.url, token: TOKEN, prefix, timeoutMs: 5000 })],
];

describe.each(stores)("the %s store", (_name, make) => {
  it("allows `limit` hits per window, counts down, then refuses until the window ends", async () => {
    const store = make();
    const key = `k-${randomBytes(4).toString("hex")}`;
    const window = { limit: 3, windowSeconds: 60 };
    await awayFromWindowEdge(60, 10_000);
    const before = Date.now();
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await store.hit("test", key, window));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0, 0]);
    for (const d of decisions) {
      expect(d.limit).toBe(3);
      expect(d.resetAt).toBeGreaterThan(before);
      expect(d.resetAt).toBeLessThanOrEqual(Date.now() + 60_000);
    }
    // Another key, and the same key under another rule, count on their own.
    expect((await store.hit("test", `${key}-other`, window)).allowed).toBe(true);
    expect((await store.hit("other-rule", key, window)).allowed).toBe(true);
  });

  it("starts a new count once the window has passed", async () => {
    const store = make();
    const key = `k-${randomBytes(4).toString("hex")}`;
    const window = { limit: 1, windowSeconds: 1 };
    await awayFromWindowEdge(1, 1000); // start at the top of a second, so both hits fall in one window
    expect((await store.hit("short", key, window)).allowed).toBe(true);
    const refused = await store.hit("short", key, window);
    expect(refused.allowed).toBe(false);
    await new Promise((r) => setTimeout(r, Math.max(0, refused.resetAt - Date.now()) + 50));
    expect((await store.hit("short", key, window)).allowed).toBe(true);
  });
});

describe("the upstash store when Upstash fails", () => {
  it.each(["down", "slow"] as const)("lets requests through when Upstash is %s, and warns", async (mode) => {
    const store = createUpstashStore({ url: fake.url, token: TOKEN, prefix, timeoutMs: 300 });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    fake.setMode(mode);
    const decision = await store.hit("test", "any", { limit: 1, windowSeconds: 60 });
    const decision2 = await store.hit("test", "any", { limit: 1, windowSeconds: 60 });
    const warnings = warn.mock.calls.map((c) => String(c[0]));
    warn.mockRestore();
    expect([decision.allowed, decision2.allowed]).toEqual([true, true]);
    expect(warnings).toEqual([
      expect.stringContaining("rate-limit store unavailable"),
      expect.stringContaining("rate-limit store unavailable"),
    ]);
  });

  it("a wrong token is refused by the fake (the SDK really talks to it)", async () => {
    const store = createUpstashStore({ url: fake.url, token: "wrong", prefix, timeoutMs: 300 });
    await expect(store.ping()).rejects.toThrow();
    await expect(createUpstashStore({ url: fake.url, token: TOKEN, prefix }).ping()).resolves.toBeUndefined();
  });
});

describe("the API", () => {
  it("answers with RateLimit headers, then 429 with Retry-After once a token used its minute; nothing is written", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const created = await api("POST", `/api/v1/workspaces/${workspace.id}/tokens`, {
      cookie,
      body: { name: "bot", scopes: ["posts:read", "posts:write"] },
    });
    const token = created.json.data.token as string;
    const list = `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`;
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api("GET", list, { token });
      expect(res.status).toBe(200);
      expect(res.headers.get("ratelimit-limit")).toBe("5");
      remaining.push(res.headers.get("ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);

    const refused = await api("POST", list, { token, body: { title: "Over the limit", body: "Should not be saved" } });
    expect(refused.status).toBe(429);
    expect(refused.json.error).toMatchObject({
      code: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many requests\. Try again in (\d+ seconds?|1 minute)\.$/),
    });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("ratelimit-remaining")).toBe("0");
    expect(await (await getDb()).post.count({ where: { title: "Over the limit" } })).toBe(0);

    // The owner's own session has its own allowance.
    expect((await api("GET", list, { cookie })).status).toBe(200);
  });
});

describe("sign-in, sign-up and link emails", () => {
  it("after 10 attempts on one address, sign-in is refused for 15 minutes, even with the right password; other addresses are not", async () => {
    const user = await createUser();
    const other = await createUser();
    useSessionCookie(null);
    for (let i = 0; i < 10; i++)
      expectFailure(
        await signInAction(null, form({ email: user.email, password: `wrong guess ${i}` })),
        "UNAUTHENTICATED",
      );
    const refused = expectFailure(
      await signInAction(null, form({ email: user.email, password: user.password })),
      "RATE_LIMITED",
    );
    expect(refused.message).toMatch(
      /^Too many sign-in attempts for this address\. Try again in 1[45] minutes, or sign in with an emailed link: it still works\.$/,
    );
    await redirectOf(signInAction(null, form({ email: other.email, password: other.password })));
  });

  it("while password sign-in is paused for an address, its owner still signs in with an emailed link", async () => {
    const user = await createUser();
    useSessionCookie(null);
    for (let i = 0; i < 10; i++)
      expectFailure(
        await signInAction(null, form({ email: user.email, password: `stranger guess ${i}` })),
        "UNAUTHENTICATED",
      );
    expectFailure(await signInAction(null, form({ email: user.email, password: user.password })), "RATE_LIMITED");

    expectOk(await requestMagicLinkAction(null, form({ email: user.email })));
    const token = await issueOneTimeToken(await getDb(), {
      purpose: "MAGIC_LINK",
      email: user.email,
      userId: user.id,
      expiresAt: new Date(Date.now() + 600_000),
    });
    expect(await redirectOf(magicLinkSignInAction(null, form({ token })))).toMatch(/\/w$/);
    expect((await actorFromCookies(testCookies))?.userId).toBe(user.id);
  });

  it("the Auth.js endpoint itself is limited by the same rule", async () => {
    const user = await createUser();
    for (let i = 0; i < 10; i++) expect((await signInThroughAuthJs(user.email, "wrong password!")).cookie).toBeNull();
    const last = await signInThroughAuthJs(user.email, user.password);
    expect(last.cookie).toBeNull();
    expect(new URL(last.res.headers.get("location") ?? "", ORIGIN).searchParams.get("code")).toBe("rate-limited");
  });

  it("sign-ups are limited per client address (X-Forwarded-For); another client may still sign up", async () => {
    useSessionCookie(null);
    useRequestHeaders({ "x-forwarded-for": "203.0.113.7, 10.0.0.1" });
    // Every attempt counts, valid or not.
    for (let i = 0; i < 30; i++)
      expectFailure(await signUpAction(null, form({ name: "", email: "nope", password: "x" })), "VALIDATION_FAILED");
    const email = `late-${Date.now()}@example.test`;
    const refused = expectFailure(
      await signUpAction(null, form({ name: "Late Comer", email, password: "long enough pw" })),
      "RATE_LIMITED",
    );
    expect(refused.message).toMatch(/^Too many accounts were created from here\. Try again in \d+ minutes\.$/);
    expect(await (await getDb()).user.count({ where: { email } })).toBe(0);

    useRequestHeaders({ "x-forwarded-for": "198.51.100.20" });
    expectOk(await signUpAction(null, form({ name: "Late Comer", email, password: "long enough pw" })));
    expect(await (await getDb()).user.count({ where: { email } })).toBe(1);
  });

  it("at most 5 link emails per address and hour (reset, sign-in link and verification together); no event past the limit", async () => {
    const user = await createUser();
    useSessionCookie(null);
    const db = await getDb();
    const events = () =>
      db.outboxEvent.count({
        where: {
          name: { in: ["user/password-reset-requested", "user/magic-link-requested"] },
          data: { path: ["userId"], equals: user.id },
        },
      });
    for (let i = 0; i < 3; i++)
      expect((await requestPasswordResetAction(null, form({ email: user.email })))?.ok).toBe(true);
    for (let i = 0; i < 2; i++)
      expect((await requestMagicLinkAction(null, form({ email: user.email.toUpperCase() })))?.ok).toBe(true);
    const refused = expectFailure(await requestPasswordResetAction(null, form({ email: user.email })), "RATE_LIMITED");
    expect(refused.message).toMatch(
      /^Too many emails were sent to this address recently\. Try again in \d+ minutes\.$/,
    );
    expect(await events()).toBe(5);
    // "Send the verification link again" draws on the same allowance, and records nothing once refused.
    await actAs(user.id);
    expectFailure(await resendVerificationAction(null, form({})), "RATE_LIMITED");
    expect(
      await db.outboxEvent.count({
        where: { name: "user/verification-requested", data: { path: ["userId"], equals: user.id } },
      }),
    ).toBe(0);
    const fresh = await createUser();
    await actAs(fresh.id);
    for (let i = 0; i < 5; i++)
      expect(expectOk(await resendVerificationAction(null, form({})))).toEqual({ alreadyVerified: false });
    expectFailure(await resendVerificationAction(null, form({})), "RATE_LIMITED");
    useSessionCookie(null);
    // An address without an account is limited the same way: the answer reveals nothing.
    const nobody = `nobody-${Date.now()}@example.test`;
    for (let i = 0; i < 5; i++)
      expect((await requestPasswordResetAction(null, form({ email: nobody })))?.ok).toBe(true);
    expectFailure(await requestPasswordResetAction(null, form({ email: nobody })), "RATE_LIMITED");
  });
});
