// Sign up and sign in through the real Auth.js signIn(): on success it sets the session cookie and redirects.
import { describe, expect, it, vi } from "vitest";
import { signInAction, signUpAction } from "@/app/(auth)/actions";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { createUser } from "../../factories";
import { testCookies, useSessionCookie } from "../../support/cookies";
import { expectFailure, form, redirectOf } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe("auth actions", () => {
  it("signs up, signs in at once and goes to the workspaces (or the `next` path)", async () => {
    useSessionCookie(null);
    const email = `new-${Date.now()}@example.test`;
    const to = await redirectOf(
      signUpAction(
        null,
        form({ name: "New Person", email, password: "long enough pw", timeZone: "Europe/Paris", next: "/w" }),
      ),
    );
    expect(new URL(to, "http://x").pathname).toBe("/w");
    const actor = await actorFromCookies(testCookies);
    expect(actor?.userId).toBeTruthy();

    // The same email again is a conflict on the email field.
    useSessionCookie(null);
    const again = expectFailure(
      await signUpAction(null, form({ name: "Twin", email, password: "long enough pw" })),
      "CONFLICT",
    );
    expect(again.fields?.email).toBe("already registered");
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
