// Email + password (and emailed-link) sign-in for server actions: Auth.js sets the session cookie and redirects; a wrong
// password becomes the same AppError the forms already know how to show.
import "server-only";
import { AuthError } from "next-auth";
import { AppError } from "@/lib/errors";
import { MagicLinkError, RateLimitedSignin, signIn, signOut, UnavailableSignin } from "./next-auth";

/** Never returns: on success Auth.js throws Next's redirect to `redirectTo`. */
export async function signInWithPassword(email: string, password: string, redirectTo: string): Promise<never> {
  try {
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof RateLimitedSignin || error instanceof UnavailableSignin) throw error.error;
    if (error instanceof AuthError && error.type === "CredentialsSignin") {
      throw new AppError("UNAUTHENTICATED", "Wrong email or password.");
    }
    throw error;
  }
  throw new AppError("INTERNAL", "Sign-in did not redirect");
}

/** The emailed sign-in link; a dead link becomes a GONE/NOT_FOUND AppError with the domain's message. */
export async function signInWithEmailLink(token: string, redirectTo: string): Promise<never> {
  try {
    await signIn("magic-link", { token, redirectTo });
  } catch (error) {
    if (error instanceof MagicLinkError) throw new AppError("GONE", error.reason);
    if (error instanceof AuthError && error.type === "CredentialsSignin")
      throw new AppError("GONE", "This sign-in link is not valid. Ask for a new one.");
    throw error;
  }
  throw new AppError("INTERNAL", "Sign-in did not redirect");
}

export async function signOutAndRedirect(redirectTo = "/"): Promise<never> {
  await signOut({ redirectTo });
  throw new AppError("INTERNAL", "Sign-out did not redirect");
}

/** A passkey assertion (JSON from the browser); one that does not verify becomes a 401 AppError. */
export async function signInWithPasskey(response: string, redirectTo: string): Promise<never> {
  try {
    await signIn("passkey", { response, redirectTo });
  } catch (error) {
    if (error instanceof AuthError && error.type === "CredentialsSignin")
      throw new AppError("UNAUTHENTICATED", "That passkey could not sign you in. Try again, or use your password.");
    throw error;
  }
  throw new AppError("INTERNAL", "Sign-in did not redirect");
}
