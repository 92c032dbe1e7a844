// next-auth's signIn callback for the SSO providers: the OAuth exchange is done; here the identity becomes a Tidings
// person (lib/domain/accounts decides which), a session record opens, and a refusal redirects to a clear message.
import "server-only";
import type { Account, Profile, User } from "next-auth";
import { ProviderSignInRefused, signInWithProvider } from "@/lib/domain/accounts/sign-in-with-provider";
import { startSession } from "@/lib/domain/sessions/sessions";
import { clientAddress } from "./client-address";
import { providerName } from "./providers";
import { actorFromCookies } from "./resolve-actor";

/**
 * Set by settings' "Link" button to the session id asking; the callback links only when the same session comes
 * back, so a provider sign-in never joins an account by itself. Short-lived, read by the callback route only.
 */
export const LINK_INTENT_COOKIE = "tidings.link-intent";
export const LINK_INTENT_MAX_AGE_SECONDS = 600;

function cookieReader(request: Request) {
  const jar = new Map<string, string>();
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return { get: (name: string) => (jar.has(name) ? { value: jar.get(name) ?? "" } : undefined) };
}

/** The signed-in session that asked to link a provider, when this callback comes back to it. */
async function linkingSession(request: Request) {
  const cookies = cookieReader(request);
  const intent = cookies.get(LINK_INTENT_COOKIE)?.value;
  if (!intent) return null;
  const actor = await actorFromCookies(cookies);
  return actor?.via === "session" && actor.sessionId === intent ? { userId: actor.userId, sessionId: intent } : null;
}

const isVerified = (value: unknown) => value === true || value === "true";

export async function providerSignIn(
  params: { user: User; account?: Account | null; profile?: Profile },
  request: Request | undefined,
): Promise<boolean | string> {
  const { user, account, profile } = params;
  if (!account || (account.type !== "oauth" && account.type !== "oidc")) return true; // password and link sign-in
  if (!request) return false;
  const linking = await linkingSession(request);
  const name = providerName(account.provider);
  try {
    const person = await signInWithProvider(
      {
        provider: account.provider,
        providerAccountId: account.providerAccountId,
        email: (typeof profile?.email === "string" ? profile.email : user.email) ?? null,
        emailVerified: isVerified(profile?.email_verified),
        name: user.name ?? null,
        providerName: name,
      },
      linking?.userId ?? null,
    );
    // Auth.js encodes the session cookie from this object (the jwt callback reads id and sessionId).
    user.id = person.id;
    user.email = person.email;
    user.name = person.name;
    user.sessionId =
      linking?.sessionId ??
      (await startSession(person.id, {
        userAgent: request.headers.get("user-agent"),
        address: clientAddress(request.headers),
      }));
    return true;
  } catch (error) {
    if (!(error instanceof ProviderSignInRefused)) throw error;
    const query = new URLSearchParams({ error: error.reason, provider: account.provider });
    return linking ? `/settings?${query.toString()}` : `/signin?${query.toString()}`;
  }
}
