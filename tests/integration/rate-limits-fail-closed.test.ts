// With the rate-limit store (Upstash, here a local fake over the real Redis) not answering, sign-in, sign-up,
// password reset and emailed-link requests fail closed — a 503 with a message the form shows, nothing changed —
// while general API traffic keeps failing open.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

const { fake, prefix } = await vi.hoisted(async () => {
  const { startUpstashFake } = await import("../fakes/upstash-fake");
  const { randomBytes: bytes } = await import("node:crypto");
  const started = await startUpstashFake({ token: "closed-token" });
  const keyPrefix = `test:rl-closed:${bytes(6).toString("hex")}`;
  process.env.UPSTASH_REDIS_REST_URL = started.url;
  process.env.UPSTASH_REDIS_REST_TOKEN = "closed-token";
  process.env.RATE_LIMIT_PREFIX = keyPrefix;
  return { fake: started, prefix: keyPrefix };
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import {
  requestMagicLinkAction,
  requestPasswordResetAction,
  resetPasswordAction,
  signInAction,
  signUpAction,
} from "@/app/(auth)/actions";
import { getDb } from "@/lib/data/db/client";
import { issueOneTimeToken } from "@/lib/domain/one-time-tokens/tokens";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { api } from "../support/api";
import { ORIGIN, signInThroughAuthJs } from "../support/auth-js";
import { useRequestHeaders, useSessionCookie } from "../support/cookies";
import { createUser, createWorkspaceWithOwner } from "../factories";
import { expectFailure, form, redirectOf } from "./actions/helpers";

const PAUSED = /^Signing in and sending sign-in emails are paused for a moment .*Try again in a minute\.$/;
let warn: { mock: { calls: unknown[][] }; mockRestore: () => void } | undefined;

beforeAll(async () => {
  await getDb(); // migrate the in-memory database before the first timed call
}, 120_000);
afterEach(() => {
  fake.setMode("up");
  warn?.mockRestore();
  useRequestHeaders({});
});
afterAll(async () => {
  const keys = await fake.redis.keys(`${prefix}*`);
  if (keys.length) await fake.redis.del(...keys);
  await fake.close();
});

/** Stops the store; the adapter's "unavailable" warnings are expected, and checked. */
function storeDown() {
  fake.setMode("down");
  warn = vi.spyOn(console, "warn").mockImplementation(() => {});
}
const warned = () => (warn?.mock.calls ?? []).some((c) => String(c[0]).includes("rate-limit store unavailable"));

describe("auth rate limits fail closed when the store cannot answer", () => {
  it("password sign-in (form and the Auth.js endpoint) answers 503 with a message and sets no cookie; it works again once the store is back", async () => {
    const user = await createUser();
    useSessionCookie(null);
    storeDown();
    const refused = expectFailure(
      await signInAction(null, form({ email: user.email, password: user.password })),
      "UNAVAILABLE",
    );
    expect(refused.message).toMatch(PAUSED);
    const direct = await signInThroughAuthJs(user.email, user.password);
    expect(direct.cookie).toBeNull();
    expect(new URL(direct.res.headers.get("location") ?? "", ORIGIN).searchParams.get("code")).toBe("unavailable");
    expect(warned()).toBe(true);

    fake.setMode("up");
    expect(await redirectOf(signInAction(null, form({ email: user.email, password: user.password })))).toMatch(/\/w$/);
  });

  it("sign-up is refused and creates no account", async () => {
    useSessionCookie(null);
    useRequestHeaders({ "x-forwarded-for": "198.51.100.77" });
    storeDown();
    const email = `closed-${Date.now()}@example.test`;
    const refused = expectFailure(
      await signUpAction(null, form({ name: "Closed Door", email, password: "long enough pw" })),
      "UNAVAILABLE",
    );
    expect(refused.message).toMatch(PAUSED);
    expect(await (await getDb()).user.count({ where: { email } })).toBe(0);
  });

  it("reset and sign-in link requests are refused and record no email", async () => {
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
    storeDown();
    expect(
      expectFailure(await requestPasswordResetAction(null, form({ email: user.email })), "UNAVAILABLE").message,
    ).toMatch(PAUSED);
    expectFailure(await requestMagicLinkAction(null, form({ email: user.email })), "UNAVAILABLE");
    expect(await events()).toBe(0);
    fake.setMode("up");
    expect((await requestPasswordResetAction(null, form({ email: user.email })))?.ok).toBe(true);
    expect(await events()).toBe(1);
  });

  it("setting a new password from a reset link is refused before the link is spent", async () => {
    const user = await createUser();
    const db = await getDb();
    const token = await issueOneTimeToken(db, {
      purpose: "PASSWORD_RESET",
      email: user.email,
      userId: user.id,
      expiresAt: new Date(Date.now() + 600_000),
    });
    useSessionCookie(null);
    storeDown();
    expectFailure(await resetPasswordAction(null, form({ token, password: "a fresh long passphrase" })), "UNAVAILABLE");
    expect(await verifyCredentials({ email: user.email, password: user.password })).not.toBeNull();
    expect(await db.oneTimeToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
  });

  it("general API traffic keeps failing open meanwhile", async () => {
    const { cookie } = await createWorkspaceWithOwner();
    storeDown();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await api("GET", "/api/v1/workspaces", { cookie })).status);
    expect(statuses).toEqual([200, 200, 200]);
    expect(warned()).toBe(true);
  });
});
