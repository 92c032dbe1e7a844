// Sign up and sign in through the real Auth.js signIn(): on success it sets the session cookie and redirects.
import { describe, expect, it, vi } from "vitest";
import { signInAction, signUpAction } from "@/app/(auth)/actions";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { createUser } from "../../factories";
import { useEmbeddedRuntime } from "../../support/background";
import { testCookies, useSessionCookie } from "../../support/cookies";
import { expectFailure, form, redirectOf } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe("auth actions", () => {
  it("answers a new and a known address the same way; the known address's owner is emailed instead", async () => {
    const known = await createUser();
    const runtime = useEmbeddedRuntime();
    try {
      useSessionCookie(null);
      const email = `new-${Date.now()}@example.test`;
      const fresh = await signUpAction(
        null,
        form({ name: "New Person", email, password: "long enough pw", timeZone: "Europe/Paris", next: "/w" }),
      );
      const again = await signUpAction(
        null,
        form({ name: "Someone Else", email: known.email, password: "other long pw" }),
      );
      // The same answer, and nobody signed in by it.
      expect(fresh).toEqual({ ok: true, data: { email } });
      expect(again).toEqual({ ok: true, data: { email: known.email } });
      expect(await actorFromCookies(testCookies)).toBeNull();

      const db = await getDb();
      const created = await db.user.findUniqueOrThrow({ where: { email } });
      expect(created).toMatchObject({ name: "New Person", timeZone: "Europe/Paris", emailVerifiedAt: null });
      expect(await db.user.findUniqueOrThrow({ where: { email: known.email } })).toMatchObject({ name: known.name });
      expect(await verifyCredentials({ email: known.email, password: known.password })).not.toBeNull();

      await runtime.drain();
      const toNew = await listMailTo(db, email);
      expect(toNew.map((m) => m.subject)).toEqual(["Confirm your email address"]);
      const toKnown = (await listMailTo(db, known.email)).filter((m) => !m.subject.startsWith("Confirm"));
      expect(toKnown.map((m) => m.subject)).toEqual(["You already have a Tidings account"]);
      expect(toKnown[0]?.text).toMatch(/no\s+new account was made/);
      expect(toKnown[0]?.text).toContain(`/signin?email=${encodeURIComponent(known.email)}`);
      expect(toKnown[0]?.text).toContain("/forgot-password");

      // Then the new person signs in with the password they chose.
      const to = await redirectOf(signInAction(null, form({ email, password: "long enough pw", next: "/w" })));
      expect(new URL(to, "http://x").pathname).toBe("/w");
      expect((await actorFromCookies(testCookies))?.userId).toBe(created.id);
    } finally {
      runtime.uninstall();
    }
  });

  it("rejects bad sign-up input field by field and creates no account", async () => {
    useSessionCookie(null);
    const bad = expectFailure(
      await signUpAction(null, form({ name: "", email: "not-an-email", password: "short" })),
      "VALIDATION_FAILED",
    );
    expect(bad.fields).toMatchObject({
      name: "is required",
      email: "must be an email address",
      password: "must be at least 10 characters",
    });
  });

  it("signs in with the right password, and says 'wrong email or password' otherwise", async () => {
    const user = await createUser();
    useSessionCookie(null);
    const wrong = expectFailure(
      await signInAction(null, form({ email: user.email, password: "not the password" })),
      "UNAUTHENTICATED",
    );
    expect(wrong.message).toMatch(/wrong email or password/i);
    expect(await actorFromCookies(testCookies)).toBeNull();
    expectFailure(
      await signInAction(null, form({ email: "nobody@example.test", password: "whatever123" })),
      "UNAUTHENTICATED",
    );

    const to = await redirectOf(
      signInAction(null, form({ email: user.email, password: user.password, next: "//evil.example/x" })),
    );
    expect(to).not.toContain("evil");
    expect((await actorFromCookies(testCookies))?.userId).toBe(user.id);
  });
});
