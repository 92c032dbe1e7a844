"use server";
// The second step of a sign-in: the session the password or emailed link opened becomes usable once a code passes.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { pendingSignInFromCookies } from "@/lib/auth/mfa/pending";
import { signInWithPasskey } from "@/lib/auth/password-sign-in";
import { completeSecondFactor } from "@/lib/domain/mfa/complete-sign-in";
import { startPasskeySignIn } from "@/lib/domain/mfa/passkey-sign-in";
import { passkeySignInForm } from "@/lib/validation/passkeys";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { secondFactorForm } from "@/lib/validation/mfa";

export const secondFactorAction = action(
  secondFactorForm,
  async ({ data }) => {
    const pending = await pendingSignInFromCookies(await cookies());
    if (!pending) throw new AppError("UNAUTHENTICATED", "This sign-in has ended. Sign in again.");
    await completeSecondFactor(pending, data.code);
    redirect(data.next ?? "/w");
  },
  { auth: "optional" },
);

/** navigator.credentials.get() options for a passkey sign-in; counted per client like password attempts. */
export const passkeySignInOptionsAction = action(z.strictObject({}), () => startPasskeySignIn(), {
  auth: "optional",
  rateLimit: "sign-in-client",
});

export const passkeySignInAction = action(
  passkeySignInForm,
  ({ data }) => signInWithPasskey(data.response, data.next ?? "/w"),
  { auth: "optional", rateLimit: "sign-in-client" },
);
