// The API reference page: reached from the API tokens page, rendered from the OpenAPI document, readable and
// accessible on desktop and phone, keyboard-navigable through its table of contents, and every request it makes
// (documents, scripts, styles, fonts, images, fetches) goes to Tidings itself — none to another origin.
import { expect, test, type Request } from "@playwright/test";
import { desktop, fillSignUp, phone, screens, watchConsole } from "./support";

test("the API reference page: linked from API tokens, complete, accessible, and nothing from another origin", async ({
  page,
  baseURL,
}) => {
  const origin = new URL(baseURL!).origin;
  const requests: string[] = [];
  page.on("request", (r: Request) => requests.push(r.url()));
  const errors = watchConsole(page);
  const stamp = Date.now();

  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, "Grace Hopper", `grace-${stamp}@example.test`);
  await expect(page).toHaveURL(/\/w$/);
  await page.getByLabel("Workspace name").fill("Compilers");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();

  // From the sidebar to the tokens page, and from there to the reference.
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "API tokens" })).toBeVisible();
  requests.length = 0; // from here on, only what the reference page asks for
  await page.getByRole("link", { name: /API reference/ }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "Tidings API" })).toBeVisible();
  await page.waitForLoadState("networkidle");

  // Rendered from the OpenAPI document: the same operations as /api/v1/openapi.json, each with its section.
  const doc = (await (await page.request.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const operationIds = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
  expect(operationIds.length).toBeGreaterThan(30);
  for (const id of operationIds) await expect(page.locator(`[id="op-${id}"]`)).toHaveCount(1);
  await expect(page.locator("#op-listNotifications")).toContainText("/me/notifications");
  await expect(page.locator("#op-listNotifications")).toContainText("posts:read");
  await expect(page.locator("#op-createPost")).toContainText("Idempotency-Key");
  await expect(page.locator("#op-listChannels")).toContainText("RateLimit-Remaining");
  await expect(page.locator("#error-not_found")).toContainText("HTTP 404");

  // Keyboard: the table of contents is links to anchors; following one moves to its section.
  const toc = page.getByRole("navigation", { name: "API reference contents", exact: true });
  await toc.getByRole("link", { name: "Pagination" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#pagination$/);
  await expect(page.locator("#pagination")).toBeInViewport();
  await toc.getByRole("link", { name: "Error codes" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#error-codes")).toBeInViewport();

  // An error's `docs` link lands on its code's entry.
  const res = await page.request.get("/api/v1/workspaces/nonexistent000000000000");
  expect(res.status()).toBe(404);
  const docs = ((await res.json()) as { error: { code: string; docs: string } }).error.docs;
  expect(new URL(docs).pathname).toBe("/docs/api");
  await page.goto(new URL(docs).pathname + new URL(docs).hash);
  await expect(page.locator(new URL(docs).hash)).toBeInViewport();
  await expect(page.locator(new URL(docs).hash)).toContainText("NOT_FOUND");

  // Desktop and phone: axe passes, no sideways scrolling; on a phone the contents fold into a disclosure.
  await screens(page, "api-reference");
  await page.setViewportSize(phone);
  const compact = page.locator("summary", { hasText: "Contents" });
  await expect(compact).toBeVisible();
  await compact.click();
  await expect(page.getByRole("navigation", { name: "API reference contents (compact)" })).toBeVisible();
  await page.setViewportSize(desktop);

  expect(requests.length).toBeGreaterThan(1); // the page, its scripts and styles at least
  const foreign = requests.filter((url) => !url.startsWith("data:") && new URL(url).origin !== origin);
  expect(foreign, `requests to another origin: ${foreign.join(", ")}`).toEqual([]);
  expect(errors).toEqual([]);
});
