// Signing in through the real Auth.js route handlers, the way the browser's sign-in form does.
import { expect } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...nextauth]/route";

export const ORIGIN = "http://127.0.0.1:3999";
type AuthHandler = (req: Request) => Promise<Response>;
export const authGetFn = authGet as unknown as AuthHandler;
export const authPostFn = authPost as unknown as AuthHandler;

/** `name=value` pairs of every Set-Cookie header (attributes dropped). */
export function setCookies(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const line of res.headers.getSetCookie()) {
    const pair = line.split(";")[0] ?? "";
    const eq = pair.indexOf("=");
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  return jar;
}

/** Signs in through the real Auth.js handlers, the way the browser's form does; returns the session cookie, if any. */
export async function signInThroughAuthJs(email: string, password: string, headers: Record<string, string> = {}) {
  const csrfRes = await authGetFn(new Request(`${ORIGIN}/api/auth/csrf`));
  expect(csrfRes.status).toBe(200);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  expect(csrfToken).toMatch(/^[0-9a-f]{32,}$/);
  const csrfCookie = [...setCookies(csrfRes)].find(([name]) => name.endsWith("authjs.csrf-token"));
  expect(csrfCookie).toBeDefined();

  const res = await authPostFn(
    new Request(`${ORIGIN}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        ...headers,
        "content-type": "application/x-www-form-urlencoded",
        cookie: `${csrfCookie?.[0]}=${csrfCookie?.[1]}`,
      },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${ORIGIN}/` }).toString(),
    }),
  );
  const session = [...setCookies(res)].find(
    ([name, value]) => /authjs\.session-token(\.0)?$/.test(name) && value !== "",
  );
  return { res, cookie: session ? `${session[0]}=${session[1]}` : null };
}
