// Two-step sign-in in Chromium: enrol TOTP from settings (codes computed from the secret, as an authenticator app
// would), sign in again with the password and a code, and the emailed security notice. Screens pass axe.
import { expect, test } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { desktop, fillSignUp, PASSWORD, screens, watchConsole } from "./support";

const codeAt = (secret: string, timestamp: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp });

test("enrol TOTP, then sign in with the password and a code", async ({ page, context }) => {
  const errors = watchConsole(page);
  const email = `ada-${Date.now()}@example.test`;
  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, "Ada Lovelace", email);
  await expect(page).toHaveURL(/\/w$/);

  await page.goto("/settings/security");
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  await screens(page, "60-security-off");
  await page.getByRole("button", { name: "Set up two-step sign-in" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  await screens(page, "61-totp-enrol");
  const enrolledAt = Date.now();
  await page.getByLabel("Code from the app").fill(codeAt(secret, enrolledAt));
  await page.getByRole("button", { name: "Turn on" }).click();
  const codes = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await screens(page, "62-recovery-codes");

  // A new browser: the password alone leads to the second step, and nothing else opens until it passes.
  await context.clearCookies();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
  await screens(page, "63-second-step");

  await page.getByLabel("Code").fill("000000" === codeAt(secret, Date.now()) ? "111111" : "000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not right" })).toBeVisible();

  // The enrolment code was spent: wait for the app's next code, as a person would.
  const nextStep = (Math.floor(enrolledAt / 30_000) + 1) * 30_000;
  if (Date.now() < nextStep) await page.waitForTimeout(nextStep - Date.now() + 500);
  await page.getByLabel("Code").fill(codeAt(secret, Date.now()));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("heading", { name: "Settings" })).toBeVisible();

  await page.goto("/settings/security");
  await expect(page.getByText(/On: signing in asks for a code/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Add a passkey" })).toBeVisible();
  await screens(page, "64-security-on");
  expect(errors).toEqual([]);
});
