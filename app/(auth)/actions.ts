"use server";
// Sign up, sign in (password or emailed link), password reset, sign out: the same schemas and domain code as everything else; Auth.js sets the cookie.
import { signInWithEmailLink, signInWithPassword, signOutAndRedirect } from "@/lib/auth/password-sign-in";
import { requestMagicLink } from "@/lib/domain/users/magic-link";
import { requestPasswordReset, resetPassword } from "@/lib/domain/users/password-reset";
import { signUp } from "@/lib/domain/users/sign-up";
import { action } from "@/lib/http/action";
import { emailOnlyForm, magicLinkSignInForm, resetPasswordForm, signInForm, signUpForm } from "@/lib/validation/users";

/**
 * The same answer for a new address and one that has an account ("check your email"): a new one gets the link that
 * confirms it, a known one's owner is told someone tried. Nobody is signed in here, so nothing tells them apart.
 */
export const signUpAction = action(
  signUpForm,
  async ({ data: { next: _next, ...input } }) => {
    const { email } = await signUp(input);
    return { email };
  },
  { auth: "optional", rateLimit: "sign-up-client" },
);

export const signInAction = action(
  signInForm,
  ({ data }) => signInWithPassword(data.email, data.password, data.next ?? "/w"),
  { auth: "optional" },
);

export async function signOutAction(): Promise<void> {
  await signOutAndRedirect("/");
}

/** Always the same answer, whether or not the address has an account. */
export const requestPasswordResetAction = action(
  emailOnlyForm,
  async ({ data }) => {
    await requestPasswordReset(data.email);
    return { email: data.email };
  },
  { auth: "optional" },
);

/**
 * The new password is set from the emailed link; then the person is signed in with it. Counted as a sign-in from
 * this client first, so a rate-limit store outage refuses before the link is spent rather than after.
 */
export const resetPasswordAction = action(
  resetPasswordForm,
  async ({ data }) => {
    const { email } = await resetPassword(data.token, data.password);
    return signInWithPassword(email, data.password, "/w");
  },
  { auth: "optional", rateLimit: "sign-in-client" },
);

export const requestMagicLinkAction = action(
  emailOnlyForm,
  async ({ data }) => {
    await requestMagicLink(data.email);
    return { email: data.email };
  },
  { auth: "optional" },
);

/** A button on the landing page spends the link (a GET never does: mail scanners open links). */
export const magicLinkSignInAction = action(
  magicLinkSignInForm,
  ({ data }) => signInWithEmailLink(data.token, data.next ?? "/w"),
  { auth: "optional" },
);
