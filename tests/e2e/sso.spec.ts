// Single sign-on in Chromium: sign in through the company's OIDC provider's own login page (a real oidc-provider on
// 127.0.0.1); link GitHub from settings (a local fake of GitHub's OAuth pages and API), sign out, sign in with GitHub.
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SSO } from "../../playwright.config";
import { startGitHubFake } from "../fakes/github-fake";
import { startOidcProvider } from "../fakes/oidc-provider";
import { desktop, screens, watchConsole } from "./support";

let oidc: Awaited<ReturnType<typeof startOidcProvider>>;
let github: Awaited<ReturnType<typeof startGitHubFake>>;

test.beforeAll(async () => {
  oidc = await startOidcProvider({
    clientId: SSO.oidcClient.id,
    clientSecret: SSO.oidcClient.secret,
    redirectUris: [`${SSO.appUrl}/api/auth/callback/oidc`],
    port: SSO.oidcPort,
  });
  github = await startGitHubFake({
    clientId: SSO.githubClient.id,
    clientSecret: SSO.githubClient.secret,
    port: SSO.githubPort,
  });
});
test.afterAll(async () => {
  await oidc?.close();
  await github?.close();
});

/** Console errors of the app's own pages (the providers' pages fetch web fonts and favicons that are not ours). */
function watchAppConsole(page: Page) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && m.location().url.startsWith(SSO.appUrl))
      errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

test("sign in with the OIDC provider; link GitHub from settings, sign out, sign in with GitHub", async ({ page }) => {
  const errors = watchAppConsole(page);
  const t = randomBytes(4).toString("hex");
  const email = `ada-${t}@example.test`;
  oidc.addPerson({ login: `ada-${t}`, email, emailVerified: true, name: "Ada Lovelace" });
  github.addPerson({
    login: `ada-gh-${t}`,
    id: Number.parseInt(t, 16),
    name: "Ada L.",
    publicEmail: null,
    emails: [{ email: `${t}+ada@users.noreply.example.test`, primary: true, verified: true }],
  });
  await page.setViewportSize(desktop);

  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in with Acme SSO" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in with GitHub" })).toBeVisible();
  await screens(page, "40-signin-providers");
  await page.getByRole("button", { name: "Sign in with Acme SSO" }).click();

  // The provider's own login page (oidc-provider's development interaction).
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${SSO.oidcPort}/interaction/`));
  await page.locator('input[name="login"]').fill(`ada-${t}`);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await expect(page).toHaveURL(/\/w$/);

  await page.goto("/settings");
  const methods = page.getByRole("region", { name: "Sign-in methods" });
  await expect(methods.getByRole("list", { name: "Linked sign-in methods" })).toContainText("Acme SSO");
  await expect(methods).toContainText(email);
  await screens(page, "41-settings-sign-in-methods");

  await methods.getByRole("button", { name: "Link GitHub", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`^http://127\\.0\\.0\\.1:${SSO.githubPort}/login/oauth/authorize`));
  await page.getByLabel("Username").fill(`ada-gh-${t}`);
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(methods.getByRole("list", { name: "Linked sign-in methods" })).toContainText("GitHub");
  await expect(methods.getByRole("button", { name: "Link GitHub", exact: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await page.getByLabel("Username").fill(`ada-gh-${t}`);
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page).toHaveURL(/\/w$/);
  await page.goto("/settings");
  await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();

  expect(errors).toEqual([]);
});

test("a refused provider sign-in says why on the sign-in page", async ({ page }) => {
  const errors = watchConsole(page);
  await page.goto("/signin?error=unverified-email-match&provider=oidc");
  await expect(
    page.getByRole("alert").filter({ hasText: "An account with this email address already exists" }),
  ).toBeVisible();
  await screens(page, "42-signin-refused");
  expect(errors).toEqual([]);
});
