// Sessions you can see and end: one person signed in in two browsers; the first ends the second's session from
// settings, and the second is signed out on its very next request.
import { expect, test } from "@playwright/test";
import { desktop, fillSignUp, screens, watchConsole } from "./support";

const PHONE_UA =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1";

test("end a session from another browser; it is signed out on its next request", async ({ page, browser }) => {
  const errors = watchConsole(page);
  const email = `katherine-${Date.now()}@example.test`;
  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, "Katherine Johnson", email);
  await expect(page).toHaveURL(/\/w$/);

  // A second browser (a phone), signed in as the same person.
  const phone = await browser.newContext({ userAgent: PHONE_UA });
  const other = await phone.newPage();
  await other.goto("/signin");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill("correct horse battery staple");
  await other.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(other).toHaveURL(/\/w$/);
  await other.goto("/settings");
  await expect(other.getByRole("heading", { name: "Settings" })).toBeVisible();
  expect((await other.request.get("/api/v1/workspaces")).status()).toBe(200);

  // The first browser sees both, itself marked, and ends the phone's.
  await page.goto("/settings");
  const sessions = page.getByRole("region", { name: "Sessions" });
  await expect(sessions.getByRole("listitem")).toHaveCount(2);
  await expect(sessions.getByRole("listitem").filter({ hasText: "this device" })).toHaveCount(1);
  const phoneRow = sessions.getByRole("listitem").filter({ hasText: /iOS|iPhone/ });
  await expect(phoneRow).toHaveCount(1);
  await screens(page, "75-sessions");
  await phoneRow.getByRole("button", { name: /End session/ }).click();
  await expect(sessions.getByRole("listitem")).toHaveCount(1);

  // The phone's very next request finds its session gone: the sign-in page, not settings.
  await other.reload();
  await expect(other).toHaveURL(/\/signin/);
  await expect(other.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // Its old cookie opens nothing through the API either.
  const api = await other.request.get("/api/v1/workspaces");
  expect(api.status()).toBe(401);
  await phone.close();

  // The first browser is still signed in.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  expect(errors).toEqual([]);
});
