// What the sign-in and settings pages say when a sign-in came back refused: `?error=` (ours from the provider
// callback, or Auth.js' error types) and `?code=` (a password sign-in posted straight to Auth.js).
import "server-only";
import { providerRefusalMessage, type ProviderRefusal } from "@/lib/domain/accounts/sign-in-with-provider";
import { providerName } from "./providers";

const refusals = new Set<string>(["unverified-email-match", "linked-elsewhere", "no-email"]);

export function signInErrorMessage(params: { error?: string; code?: string; provider?: string }): string | undefined {
  const name = providerName(params.provider ?? "") || "The provider";
  if (params.error && refusals.has(params.error)) return providerRefusalMessage(params.error as ProviderRefusal, name);
  if (params.code === "rate-limited")
    return "Too many sign-in attempts. Wait a few minutes, or sign in with an emailed link.";
  if (params.code === "unavailable")
    return "Signing in is paused for a moment (our safety check is not answering). Try again in a minute.";
  if (params.error === "CredentialsSignin") return "Wrong email or password.";
  if (params.error) return "Signing in did not work. Try again, or sign in with your email.";
  return undefined;
}
