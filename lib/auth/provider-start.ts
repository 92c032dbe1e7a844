// Starting a provider sign-in (the buttons) or a link (settings): next-auth redirects the browser to the provider.
import "server-only";
import { cookies } from "next/headers";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/errors";
import { signIn } from "./next-auth";
import { LINK_INTENT_COOKIE, LINK_INTENT_MAX_AGE_SECONDS } from "./provider-sign-in";
import { configuredProviders } from "./providers";

function requireConfigured(provider: string) {
  if (!configuredProviders().some((p) => p.id === provider))
    throw new AppError("NOT_FOUND", "This sign-in provider is not set up here.");
}

/** Never returns: next-auth throws Next's redirect to the provider. */
export async function startProviderSignIn(provider: string, redirectTo: string): Promise<never> {
  requireConfigured(provider);
  await signIn(provider, { redirectTo });
  throw new AppError("INTERNAL", "Sign-in did not redirect");
}

/** Linking from settings: the callback links only when this same session comes back (see provider-sign-in.ts). */
export async function startProviderLink(actor: Actor, provider: string): Promise<never> {
  requireConfigured(provider);
  if (actor.via !== "session" || !actor.sessionId)
    throw new AppError("FORBIDDEN", "Sign-in methods are managed from a signed-in browser");
  (await cookies()).set(LINK_INTENT_COOKIE, actor.sessionId, {
    httpOnly: true,
    sameSite: "lax",
    path: "/api/auth",
    maxAge: LINK_INTENT_MAX_AGE_SECONDS,
  });
  await signIn(provider, { redirectTo: "/settings" });
  throw new AppError("INTERNAL", "Sign-in did not redirect");
}
