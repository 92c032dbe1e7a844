// Provider sign-in through the real Auth.js handlers, as a browser does it: start at /api/auth/signin/<id>, let the
// provider (a real OIDC server, the GitHub fake) log the person in on its own page, come back to the callback.
import { expect } from "vitest";
import { authGetFn, authPostFn, ORIGIN, setCookies } from "./auth-js";

/** A browser's cookies for one site. */
export class Jar {
  private readonly cookies = new Map<string, string>();
  constructor(initial?: string | null) {
    for (const pair of (initial ?? "").split(";")) {
      const eq = pair.indexOf("=");
      if (eq > 0) this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }
  take(res: Response) {
    for (const [name, value] of setCookies(res)) {
      if (value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  set(name: string, value: string) {
    this.cookies.set(name, value);
  }
  header() {
    return [...this.cookies].map(([n, v]) => `${n}=${v}`).join("; ");
  }
  /** The Auth.js session cookie, as `name=value`, or null. */
  session(): string | null {
    const found = [...this.cookies].find(([name]) => /authjs\.session-token$/.test(name));
    return found ? `${found[0]}=${found[1]}` : null;
  }
}

/** Press "Sign in with <provider>": returns where the browser is sent (the provider's authorize URL). */
export async function startProviderSignIn(jar: Jar, providerId: string, callbackUrl = `${ORIGIN}/w`) {
  const csrfRes = await authGetFn(new Request(`${ORIGIN}/api/auth/csrf`, { headers: { cookie: jar.header() } }));
  jar.take(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await authPostFn(
    new Request(`${ORIGIN}/api/auth/signin/${providerId}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
      body: new URLSearchParams({ csrfToken, callbackUrl }).toString(),
    }),
  );
  jar.take(res);
  expect(res.status).toBe(302);
  return res.headers.get("location") ?? "";
}

/** Back from the provider at /api/auth/callback/<id>: where Tidings sends the browser next. */
export async function finishProviderSignIn(jar: Jar, callbackUrl: string) {
  expect(callbackUrl.startsWith(`${ORIGIN}/api/auth/callback/`)).toBe(true);
  const res = await authGetFn(new Request(callbackUrl, { headers: { cookie: jar.header() } }));
  jar.take(res);
  return { status: res.status, location: new URL(res.headers.get("location") ?? "/", ORIGIN) };
}

/** Follows the provider's redirects (with its own cookies) until it sends the browser back to Tidings. */
async function followToApp(start: string, providerJar: Jar, init?: RequestInit): Promise<string> {
  let res = await fetch(start, {
    ...init,
    redirect: "manual",
    headers: { ...init?.headers, cookie: providerJar.header() },
  });
  for (let hops = 0; hops < 10; hops++) {
    providerJar.take(res);
    const location = res.headers.get("location");
    if (!location) return res.url;
    const next = new URL(location, start).toString();
    if (next.startsWith(ORIGIN)) return next;
    res = await fetch(next, { redirect: "manual", headers: { cookie: providerJar.header() } });
  }
  throw new Error("too many redirects at the provider");
}

/** The OIDC provider's own login page: any login, the password is not checked (oidc-provider's dev interactions). */
export async function logInAtOidcProvider(authorizeUrl: string, login: string): Promise<string> {
  const providerJar = new Jar();
  let res = await fetch(authorizeUrl, { redirect: "manual" });
  providerJar.take(res);
  for (let hops = 0; res.headers.get("location") && hops < 5; hops++) {
    res = await fetch(new URL(res.headers.get("location") ?? "", authorizeUrl), {
      redirect: "manual",
      headers: { cookie: providerJar.header() },
    });
    providerJar.take(res);
  }
  const page = await res.text();
  const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
  expect(action, page.slice(0, 500)).toBeDefined();
  return followToApp(new URL(action ?? "", authorizeUrl).toString(), providerJar, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ prompt: "login", login, password: "anything" }).toString(),
  });
}

/** The GitHub fake's authorize page: type the username, press Authorize. */
export async function authorizeAtGitHub(authorizeUrl: string, login: string): Promise<string> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const fields = Object.fromEntries(
    [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [
      m[1],
      (m[2] ?? "").replaceAll("&#38;", "&").replaceAll("&#34;", '"'),
    ]),
  );
  return followToApp(new URL("/login/oauth/authorize", authorizeUrl).toString(), new Jar(), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...fields, login }).toString(),
  });
}
