// Password rules on the forms: a common or dictionary password is refused on the password field, with the reason.
import { describe, expect, it, vi } from "vitest";
import { resetPasswordAction, signUpAction } from "@/app/(auth)/actions";
import { getDb } from "@/lib/data/db/client";
import { issueOneTimeToken } from "@/lib/domain/one-time-tokens/tokens";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { createUser } from "../../factories";
import { useSessionCookie } from "../../support/cookies";
import { expectFailure, form } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe("password rules", () => {
  it.each(["password12", "1234567890"])("sign-up refuses %s on the password field and creates nothing", async (pw) => {
    useSessionCookie(null);
    const email = `weak-${Date.now()}-${pw}@example.test`;
    const refused = expectFailure(
      await signUpAction(null, form({ name: "Weak Choice", email, password: pw })),
      "VALIDATION_FAILED",
    );
    expect(refused.fields?.password).toMatch(/^is too easy to guess: this is a (commonly|frequently) used password\./);
    expect(await (await getDb()).user.count({ where: { email } })).toBe(0);
  });

  it("a reset refuses a common password, keeps the old one and leaves the link usable", async () => {
    const user = await createUser();
    const token = await issueOneTimeToken(await getDb(), {
      purpose: "PASSWORD_RESET",
      email: user.email,
      userId: user.id,
      expiresAt: new Date(Date.now() + 600_000),
    });
    useSessionCookie(null);
    const refused = expectFailure(
      await resetPasswordAction(null, form({ token, password: "password12" })),
      "VALIDATION_FAILED",
    );
    expect(refused.fields?.password).toMatch(/too easy to guess/);
    expect(await verifyCredentials({ email: user.email, password: user.password })).not.toBeNull();
    expect(await (await getDb()).oneTimeToken.count({ where: { userId: user.id, usedAt: null } })).toBe(1);
  });
});
