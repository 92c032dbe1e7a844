// Passkeys in Chromium with a virtual authenticator (the DevTools protocol's WebAuthn domain, as a platform
// authenticator with a screen lock would be): register one from settings, sign in with it alone, remove it.
import { expect, test } from "@playwright/test";
import { desktop, fillSignUp, screens, watchConsole } from "./support";

test("register a passkey, sign in with it alone, then remove it", async ({ page, context }) => {
  const errors = watchConsole(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });

  const email = `grace-${Date.now()}@example.test`;
  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, "Grace Hopper", email);
  await expect(page).toHaveURL(/\/w$/);

  await page.goto("/settings/security");
  await page.getByLabel("Passkey name").fill("Work laptop");
  await page.getByRole("button", { name: "Add a passkey" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Passkey “Work laptop” added." })).toBeVisible();
  const { credentials } = await cdp.send("WebAuthn.getCredentials", { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0]!.isResidentCredential).toBe(true);
  await page.reload();
  const list = page.getByRole("list", { name: "Your passkeys" });
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await expect(list).toContainText("Work laptop");
  await screens(page, "70-passkey-added");

  // Signed out: the passkey alone signs in, no email typed.
  await context.clearCookies();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page).toHaveURL(/\/w$/);
  await page.goto("/settings");
  await expect(page.getByText(`Signed in as ${email}`, { exact: false })).toBeVisible();

  // The list says when it was last used; removing it leaves no passkey behind.
  await page.goto("/settings/security");
  await expect(list).toContainText("last used");
  page.once("dialog", (d) => void d.accept());
  await list.getByRole("button", { name: /Remove/ }).click();
  await expect(page.getByRole("list", { name: "Your passkeys" })).toHaveCount(0);

  // The authenticator still holds the credential, but Tidings no longer accepts it.
  await context.clearCookies();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with a passkey" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /passkey/i })).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
  expect(errors).toEqual([]);
});
