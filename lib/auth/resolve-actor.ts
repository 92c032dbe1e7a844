// Authenticate: a request (session cookie or `Authorization: Bearer`) → the one Actor every layer below trusts.
import "server-only";
import { createHash } from "node:crypto";
import { decode } from "next-auth/jwt";
import { AppError } from "@/lib/errors";
import { freshClaims, sessionActor, type SessionClaims } from "./claims";
import { authSecret } from "./secret";
import { actorFromApiToken } from "./api-token";
import type { Actor } from "@/lib/domain/actor";

export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

export type CookieReader = { get(name: string): { value: string } | undefined };

/** The session cookie's value, joining Auth.js' chunks (`name.0`, `name.1`, …) when it was split. */
function readSessionCookie(cookies: CookieReader): { name: string; value: string } | null {
  for (const name of SESSION_COOKIES) {
    const whole = cookies.get(name)?.value;
    if (whole) return { name, value: whole };
    const parts: string[] = [];
    for (let i = 0; ; i++) {
      const part = cookies.get(`${name}.${i}`)?.value;
      if (!part) break;
      parts.push(part);
    }
    if (parts.length) return { name, value: parts.join("") };
  }
  return null;
}

// Decrypting the session cookie (key derivation + JWE) is most of a warm request's CPU, and a given cookie always
// decrypts to the same claims: the last few thousand are kept until the token's own expiry. Whether the session is
// still open, and its current claims, is still asked on every request (freshClaims).
const decoded = new Map<string, { claims: SessionClaims; exp: number }>();
const DECODED_MAX = 5_000;

async function decodeSessionCookie(cookie: { name: string; value: string }): Promise<SessionClaims | null> {
  const key = createHash("sha256").update(cookie.name).update("\0").update(cookie.value).digest("base64url");
  const hit = decoded.get(key);
  if (hit && hit.exp * 1000 > Date.now()) return hit.claims;
  const token = await decode<{ claims?: SessionClaims; exp?: number }>({
    token: cookie.value,
    secret: authSecret(),
    salt: cookie.name,
  }).catch(() => null);
  if (!token?.claims) return null;
  if (typeof token.exp === "number") {
    decoded.delete(key);
    decoded.set(key, { claims: token.claims, exp: token.exp });
    if (decoded.size > DECODED_MAX) decoded.delete(decoded.keys().next().value ?? key);
  }
  return token.claims;
}

/** The claims inside the session cookie's JWT, unchecked: the caller checks their session. */
export async function claimsFromCookies(cookies: CookieReader): Promise<SessionClaims | null> {
  const cookie = readSessionCookie(cookies);
  return cookie ? decodeSessionCookie(cookie) : null;
}

export async function actorFromCookies(cookies: CookieReader): Promise<Actor | null> {
  const fromCookie = await claimsFromCookies(cookies);
  if (!fromCookie) return null;
  const claims = await freshClaims(fromCookie);
  return claims ? sessionActor(claims) : null;
}

/** Other sites' and apps' cookies share the header: one with broken percent-encoding is kept raw, not fatal. */
function decodeCookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function parseCookieHeader(header: string | null): CookieReader {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) jar.set(part.slice(0, eq).trim(), decodeCookieValue(part.slice(eq + 1).trim()));
  }
  return { get: (name) => (jar.has(name) ? { value: jar.get(name) ?? "" } : undefined) };
}

/** Whether the request carries a session cookie (what a browser attaches to any site's requests). */
export function hasSessionCookie(headers: Pick<Headers, "get">): boolean {
  return readSessionCookie(parseCookieHeader(headers.get("cookie"))) !== null;
}

/** null when the request carries no credentials; throws 401 when it carries bad ones. */
export async function actorFromRequest(req: Request): Promise<Actor | null> {
  const authorization = req.headers.get("authorization");
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "Authorization header must be `Bearer <token>`");
    return actorFromApiToken(match[1]);
  }
  return actorFromCookies(parseCookieHeader(req.headers.get("cookie")));
}
