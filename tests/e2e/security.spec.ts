// The security headers as a browser gets them from the production build: a strict Content-Security-Policy with a
// fresh nonce that Next.js' own scripts carry, on every page (each one visited with the policy on: a violation is a
// console error, which fails the test); framing refused; HSTS only over HTTPS; malformed paths and cross-site server
// actions refused with the right status instead of a 500.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { fillSignUp, watchConsole } from "./support";

const COMMON = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

function directives(csp: string | undefined): Map<string, string[]> {
  expect(csp, "Content-Security-Policy header").toBeTruthy();
  return new Map(
    csp!
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectCommonHeaders(headers: Record<string, string>, what: string) {
  for (const [name, value] of Object.entries(COMMON)) expect(headers[name], `${name} on ${what}`).toBe(value);
  expect(headers["permissions-policy"], `Permissions-Policy on ${what}`).toContain("camera=()");
  expect(headers["strict-transport-security"], `no HSTS over plain HTTP on ${what}`).toBeUndefined();
}

async function pageHeaders(request: APIRequestContext, path: string, extra: Record<string, string> = {}) {
  const res = await request.get(path, { headers: extra, maxRedirects: 0 });
  return { res, headers: res.headers(), html: await res.text() };
}

test("pages: a strict CSP whose fresh nonce every script carries, and the other security headers", async ({
  request,
}) => {
  for (const path of ["/", "/signin", "/signup", "/does-not-exist"]) {
    const { headers, html } = await pageHeaders(request, path);
    expectCommonHeaders(headers, path);
    const csp = directives(headers["content-security-policy"]);
    const script = csp.get("script-src") ?? [];
    const nonce = script.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
    expect(nonce, `script nonce on ${path}`).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(script).toContain("'strict-dynamic'");
    expect(script.join(" "), "no inline or eval scripts in production").not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    // data: for blur placeholders, UploadThing's file hosts for the managed store; nothing else.
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "https://*.ufs.sh", "https://utfs.io"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    // Every script Next.js wrote into the page carries this request's nonce.
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, `scripts on ${path}`).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }
  const [a, b] = await Promise.all([pageHeaders(request, "/signin"), pageHeaders(request, "/signin")]);
  expect(a.headers["content-security-policy"]).not.toBe(b.headers["content-security-policy"]);
});

test("routes: the same headers, a CSP that loads nothing, and HSTS only when served over HTTPS", async ({
  request,
}) => {
  for (const path of ["/api/health", "/api/v1/openapi.json", "/api/v1/workspaces"]) {
    const { headers } = await pageHeaders(request, path);
    expectCommonHeaders(headers, path);
    expect(headers["content-security-policy"], path).toBe("default-src 'none'; frame-ancestors 'none'");
  }
  for (const path of ["/signin", "/api/health"]) {
    const { headers } = await pageHeaders(request, path, { "x-forwarded-proto": "https" });
    expect(headers["strict-transport-security"], path).toMatch(/^max-age=\d{7,}/);
  }
  const { headers } = await pageHeaders(request, "/signin", { "x-forwarded-proto": "https" });
  expect(directives(headers["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
});

test("malformed percent-encoding: a 400 in the error envelope on the API, the not-found page on pages", async ({
  page,
  request,
}) => {
  for (const path of ["/api/v1/workspaces/%C3%28", "/api/v1/workspaces/%E0%A4%A/channels", "/api/health/%FF"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(await res.json(), path).toEqual({
      error: {
        code: "BAD_REQUEST",
        message: "The path's percent-encoding is malformed",
        docs: expect.stringMatching(/\/docs\/api#error-bad_request$/),
      },
    });
  }
  const errors = watchConsole(page, [/status of 404/]);
  for (const path of ["/w/%C3%28", "/w/%C3%28/c/%FF", "/%E0%A4%A"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "This page could not be found" })).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test("a server action from another site is refused with a 403, not a 500", async ({ request }) => {
  for (const headers of <Record<string, string>[]>[
    { origin: "http://evil.example" },
    { origin: "null" },
    { "sec-fetch-site": "cross-site" },
  ]) {
    const res = await request.post("/signin", {
      headers: { "next-action": "0".repeat(42), "content-type": "text/plain;charset=UTF-8", ...headers },
      data: "[]",
      maxRedirects: 0,
    });
    expect(res.status(), JSON.stringify(headers)).toBe(403);
    expect(await res.text()).toContain("Cross-site request refused");
  }
});

/** Records CSP violations in the page, whatever the console says about them. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

/** The page loaded, Next.js' scripts ran under the policy (the app router sets window.next), nothing was refused. */
async function visit(page: Page, path: string, status = 200) {
  const res = await page.goto(path);
  expect(res?.status(), path).toBe(status);
  expect(res?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
  await page.waitForFunction(() => (window as unknown as { next?: { version?: string } }).next?.version);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations), path).toEqual(
    [],
  );
}

test("every page works under the CSP: no violation, no console error, scripts running", async ({ page }) => {
  test.setTimeout(300_000); // some twenty pages, each rendered on demand
  const errors = watchConsole(page, [/status of 404/]);
  await recordViolations(page);
  const stamp = Date.now();

  for (const path of [
    "/",
    "/signin",
    "/signup",
    "/forgot-password",
    "/reset-password?token=not-a-real-token",
    "/signin/magic-link?token=not-a-real-token",
    "/verify-email?token=not-a-real-token",
    "/invite?token=not-a-real-token",
    "/dev/mailbox",
  ])
    await visit(page, path);

  await page.goto("/signup");
  await fillSignUp(page, "Grace Hopper", `grace-${stamp}@example.test`);
  await expect(page).toHaveURL(/\/w$/);
  await visit(page, "/w");
  await page.getByLabel("Workspace name").fill("Compilers");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/c\/[^/]+$/);
  const channelUrl = new URL(page.url()).pathname;
  const workspaceUrl = channelUrl.replace(/\/c\/[^/]+$/, "");

  // A post with an image from another host: shown as a link, and nothing is fetched from that host.
  const foreign: string[] = [];
  page.on("request", (r) => {
    if (new URL(r.url()).hostname === "images.example.com") foreign.push(r.url());
  });
  await page.getByLabel("Title").fill("A bug, found");
  await page.getByLabel("Body").fill("The first one: ![a moth](https://images.example.com/moth.jpg)");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  const postLink = page.getByRole("link", { name: "A bug, found" });
  await expect(postLink).toBeVisible();
  await postLink.click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/p\/[^/]+$/);
  const postUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("link", { name: "[image: a moth]" })).toHaveAttribute(
    "href",
    "https://images.example.com/moth.jpg",
  );
  await expect(page.locator("article img")).toHaveCount(0);

  for (const path of [
    workspaceUrl,
    channelUrl,
    `${channelUrl}/settings`,
    postUrl,
    `${workspaceUrl}/catch-up`,
    `${workspaceUrl}/channels/new`,
    `${workspaceUrl}/members`,
    `${workspaceUrl}/notifications`,
    `${workspaceUrl}/tokens`,
    "/settings",
    "/dev/mailbox",
  ])
    await visit(page, path);
  await visit(page, `${workspaceUrl}/p/not-a-post`, 404);
  await visit(page, "/no-such-page", 404);

  // A server action still works under the policy and from the app's own origin (the CSRF check lets it through).
  await page.goto(`${workspaceUrl}/channels/new`);
  await page.getByLabel("Name", { exact: true }).fill("debugging");
  await page.getByRole("button", { name: "Create channel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /debugging/ })).toBeVisible();

  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(errors).toEqual([]);
});

test("no page can be framed, not even by the app itself", async ({ page }) => {
  const errors = watchConsole(page, [/frame-ancestors/, /X-Frame-Options/]);
  await page.goto("/signin");
  const refused = page.waitForEvent("console", (m) => /frame-ancestors/.test(m.text()));
  await page.setContent('<main><h1>Framing test</h1><iframe title="framed" src="/signin"></iframe></main>');
  await refused;
  await expect(page.frameLocator("iframe").getByRole("button", { name: "Sign in" })).toHaveCount(0);
  expect(errors).toEqual([]);
});
