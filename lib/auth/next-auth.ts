// Auth.js v5 (next-auth 5 beta): email + password sign-in, JWT sessions carrying the workspace-role claims.
import "server-only";
import { log } from "@/lib/log";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { signInWithMagicLink } from "@/lib/domain/users/magic-link";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { AppError } from "@/lib/errors";
import { takeRateLimit } from "@/lib/domain/rate-limits";
import { clientAddress } from "./client-address";
import { signInInput } from "@/lib/validation/users";
import { endSession, startSession } from "@/lib/domain/sessions/sessions";
import { freshClaims, loadClaims, type SessionClaims } from "./claims";
import { needsSecondFactor } from "@/lib/domain/mfa/complete-sign-in";
import { parsePasskeyResponse } from "./mfa/passkey-response";
import { authSecret } from "./secret";
import { providerSignIn } from "./provider-sign-in";
import { ssoProviders } from "./providers";

/** A dead sign-in link (unknown, expired, used): the message says which, and the form shows it. */
export class MagicLinkError extends CredentialsSignin {
  code = "magic-link";
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Too many attempts on this address or from this client: the form says when to try again. */
export class RateLimitedSignin extends CredentialsSignin {
  code = "rate-limited";
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

/** The rate-limit store is not answering: sign-in fails closed (503), and the form says to retry shortly. */
export class UnavailableSignin extends CredentialsSignin {
  code = "unavailable";
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

declare module "next-auth" {
  interface Session {
    claims?: SessionClaims;
  }
  interface User {
    /** The session record opened by this sign-in (see lib/domain/sessions). */
    sessionId?: string;
  }
}

/**
 * Each successful sign-in opens a session record; its id travels in the JWT's claims. A password or emailed link
 * opens it awaiting the second factor when the person has one (lib/auth/mfa); a passkey is both factors at once.
 */
async function withNewSession<T extends { id: string }>(user: T, request: Request, { firstFactorOnly = true } = {}) {
  const sessionId = await startSession(
    user.id,
    { userAgent: request.headers.get("user-agent"), address: clientAddress(request.headers) },
    { mfaPending: firstFactorOnly && (await needsSecondFactor(user.id)) },
  );
  return { ...user, sessionId };
}

// A wrong password or a stale form is the caller's mistake, not a fault: an info line, not an error (which pages someone).
const expectedAuthErrors = new Set(["CredentialsSignin", "MissingCSRF", "AccessDenied", "Verification"]);
function logAuthError(error: Error) {
  const type = (error as { type?: string }).type ?? error.name;
  const expected = expectedAuthErrors.has(type);
  if (expected) log.info("auth", { type, error: error.message });
  else log.error("auth", { type, error, cause: (error as { cause?: unknown }).cause });
}

// Built per request: the SSO callback reads the request's cookies (a link from settings) and client address.
const config = (request?: Request): NextAuthConfig => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  logger: { error: logAuthError },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        // Auth.js passes the whole form (csrfToken, callbackUrl, …); only these two fields are ours to check.
        const input = signInInput.safeParse({ email: raw.email, password: raw.password });
        if (!input.success) return null;
        try {
          await takeRateLimit("sign-in-client", clientAddress(request.headers));
          await takeRateLimit("sign-in-email", input.data.email);
        } catch (error) {
          if (error instanceof AppError && error.code === "RATE_LIMITED") throw new RateLimitedSignin(error);
          if (error instanceof AppError && error.code === "UNAVAILABLE") throw new UnavailableSignin(error);
          throw error;
        }
        const user = await verifyCredentials(input.data);
        return user ? withNewSession({ id: user.id, email: user.email, name: user.name }, request) : null;
      },
    }),
    // The emailed sign-in link: the token is spent by the domain (once, and it verifies the address).
    Credentials({
      id: "magic-link",
      credentials: { token: { type: "text" } },
      async authorize(raw, request) {
        const token = typeof raw.token === "string" ? raw.token : "";
        try {
          return await withNewSession(await signInWithMagicLink(token), request);
        } catch (error) {
          if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "GONE"))
            throw new MagicLinkError(error.message);
          throw error;
        }
      },
    }),
    ...ssoProviders(),
    // A passkey alone: the assertion is verified by lib/domain/mfa (the challenge is spent once); it is both factors.
    Credentials({
      id: "passkey",
      credentials: { response: { type: "text" } },
      async authorize(raw, request) {
        const response = parsePasskeyResponse(raw.response);
        // Loaded on first use: the WebAuthn verifier (and its ASN.1 and COSE code) stays off every other sign-in's path.
        const { verifyPasskeySignIn } = await import("@/lib/domain/mfa/passkey-sign-in");
        const user = response && (await verifyPasskeySignIn(response));
        return user ? withNewSession(user, request, { firstFactorOnly: false }) : null;
      },
    }),
  ],
  events: {
    // Sign-out (the form's action or POST /api/auth/signout) ends the session record, not just the cookie.
    async signOut(message) {
      const claims = "token" in message ? (message.token?.claims as SessionClaims | undefined) : undefined;
      if (claims?.sid) await endSession(claims.uid, claims.sid, "signed-out");
    },
  },
  callbacks: {
    signIn: (params) => providerSignIn(params, request),
    async jwt({ token, user }) {
      if (user?.id) {
        token.claims = user.sessionId ? await loadClaims(user.id, user.sessionId) : null;
        return token.claims ? token : null;
      }
      // Refreshing the cookie: a changed role or membership rewrites the claims (the request path re-checks too).
      const claims = token.claims as SessionClaims | undefined;
      if (!claims) return null;
      const fresh = await freshClaims(claims);
      if (!fresh) return null;
      token.claims = fresh;
      return token;
    },
    session({ session, token }) {
      session.claims = token.claims as SessionClaims;
      return session;
    },
  },
});

export const { handlers, signIn, signOut } = NextAuth((request) => config(request));
