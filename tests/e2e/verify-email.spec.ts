// Sign up in the embedded mode → the verification email lands in /dev/mailbox within seconds → its link
// verifies the address, and the banner in the app is gone. Also the other emailed-link pages, as they look.
import { expect, test } from "@playwright/test";
import { desktop, fillSignUp, linkFromMailbox, screens, watchConsole } from "./support";

test("sign up → verify email from the dev mailbox → banner gone", async ({ page }) => {
  const errors = watchConsole(page);
  const email = `grace-${Date.now()}@example.test`;
  await page.setViewportSize(desktop);

  await page.goto("/signup");
  await fillSignUp(page, "Grace Hopper", email);
  await expect(page).toHaveURL(/\/w$/);
  await page.getByLabel("Workspace name").fill("Compilers");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  const banner = page.getByRole("region", { name: "Email verification" });
  await expect(banner).toContainText(email);
  await screens(page, "20-unverified-banner");
  const workspaceUrl = page.url();

  // "Resend" records another event; the mailbox then holds two messages, either link works.
  await banner.getByRole("button", { name: "Resend verification email" }).click();
  await expect(banner.getByText("Sent — check your inbox.")).toBeVisible();

  // "Within seconds": the mailbox is polled for at most 15 s before the test fails.
  const link = await linkFromMailbox(page, email, /Confirm your email address/, "/verify-email", 15_000);
  await screens(page, "21-dev-mailbox");

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Email verified" })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();
  await screens(page, "22-email-verified");

  await page.goto(workspaceUrl);
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Email verification" })).toHaveCount(0);

  // A mangled link says so instead of failing.
  await page.goto("/verify-email?token=not-a-real-token");
  await expect(page.getByRole("heading", { name: "This verification link does not work" })).toBeVisible();
  await screens(page, "23-verify-link-bad");

  // Settings: name and time zone.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();
  await page.getByLabel("Name").fill("Grace B. Hopper");
  await page.getByLabel("Time zone").selectOption("America/New_York");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Time zone")).toHaveValue("America/New_York");
  await expect(page.getByLabel("Name")).toHaveValue("Grace B. Hopper");
  await screens(page, "24-settings");

  // Catch up and notifications, empty.
  await page.goto(`${workspaceUrl.replace(/\/c\/[^/]+$/, "")}/catch-up`);
  await expect(page.getByText("You are all caught up.")).toBeVisible();
  await screens(page, "25-catch-up-empty");
  await page.getByRole("link", { name: /Notifications/ }).click();
  await expect(page.getByText("No notifications yet.")).toBeVisible();
  await screens(page, "26-notifications-empty");

  expect(errors).toEqual([]);
});

test("forgot password → reset from the mailbox → signed in; sign-in link page", async ({ page, browser }) => {
  const errors = watchConsole(page);
  const email = `alan-${Date.now()}@example.test`;
  await page.goto("/signup");
  await fillSignUp(page, "Alan Turing", email);
  await expect(page).toHaveURL(/\/w$/);
  await page.context().clearCookies();

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "a reset link is on its way" })).toBeVisible();
  await screens(page, "27-forgot-password");

  const link = await linkFromMailbox(page, email, /Reset your password/, "/reset-password");
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await screens(page, "28-reset-password");
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL(/\/w$/);

  // The same link a second time: a clear message, no sign-in.
  const other = await browser.newContext({ viewport: desktop });
  const again = await other.newPage();
  await again.goto(link);
  await again.getByLabel("New password").fill("yet another passphrase");
  await again.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(again.getByText("This link was already used")).toBeVisible();

  // Sign-in link: request and landing pages.
  await again.goto("/signin");
  await again.getByRole("link", { name: "Email me a sign-in link" }).click();
  // Wait for the new page: /signin has an "Email" field of its own that a fill could otherwise land in.
  await expect(again.getByRole("heading", { name: "Sign in with an email link" })).toBeVisible();
  await again.getByLabel("Email", { exact: true }).fill(email);
  await again.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(again.getByRole("status").filter({ hasText: "a sign-in link is on its way" })).toBeVisible();
  await screens(again, "29-magic-link-request");
  const magic = await linkFromMailbox(again, email, /Your sign-in link/, "/signin/magic-link");
  await again.goto(magic);
  await screens(again, "30-magic-link-landing");
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again).toHaveURL(/\/w$/);
  await expect(again.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
  await other.close();

  expect(errors).toEqual([]);
});
