// Password reset and magic-link sign-in, end to end through the outbox, the functions and the dev mailbox.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { signInWithMagicLink, requestMagicLink } from "@/lib/domain/users/magic-link";
import { requestPasswordReset, resetPassword } from "@/lib/domain/users/password-reset";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { createUser } from "../factories";
import { useEmbeddedRuntime } from "../support/background";

let runtime: ReturnType<typeof useEmbeddedRuntime>;
beforeEach(() => {
  runtime = useEmbeddedRuntime();
});
afterEach(() => runtime.uninstall());

const linkToken = async (email: string, subject: string) => {
  await runtime.drain();
  const mail = (await listMailTo(await getDb(), email)).filter((m) => m.subject === subject);
  expect(mail).toHaveLength(1);
  return /[?&]token=([A-Za-z0-9_-]+)/.exec(mail[0]!.text)?.[1] ?? "";
};

describe("account emails", () => {
  it("resets a password with the emailed link, once", async () => {
    const user = await createUser();
    await requestPasswordReset(user.email.toUpperCase());
    await requestPasswordReset("nobody@example.test"); // same answer, nothing sent
    const token = await linkToken(user.email, "Reset your password");
    await resetPassword(token, "a brand new password");
    await expect(verifyCredentials({ email: user.email, password: "a brand new password" })).resolves.toMatchObject({
      id: user.id,
    });
    await expect(resetPassword(token, "another new password")).rejects.toMatchObject({ code: "GONE" });
    expect(await listMailTo(await getDb(), "nobody@example.test")).toHaveLength(0);
  });

  it("signs in with a magic link once, and an expired link answers 410", async () => {
    const user = await createUser();
    await requestMagicLink(user.email);
    const token = await linkToken(user.email, "Your sign-in link");
    await expect(signInWithMagicLink(token)).resolves.toMatchObject({ id: user.id, email: user.email });
    await expect(signInWithMagicLink(token)).rejects.toMatchObject({ code: "GONE" });
    const db = await getDb();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).emailVerifiedAt).not.toBeNull();

    await requestMagicLink(user.email);
    await runtime.drain();
    const latest = (await listMailTo(db, user.email)).filter((m) => m.subject === "Your sign-in link").at(-1);
    const second = /[?&]token=([A-Za-z0-9_-]+)/.exec(latest!.text)?.[1] ?? "";
    await db.oneTimeToken.updateMany({
      where: { userId: user.id, purpose: "MAGIC_LINK", usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    await expect(signInWithMagicLink(second)).rejects.toMatchObject({ code: "GONE" });
  });
});
