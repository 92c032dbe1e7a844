// Shared steps for the e2e specs: screenshots at two sizes (each checked with axe), console watching, sign-up, and
// reading the dev mailbox.
import { AxeBuilder } from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const desktop = { width: 1280, height: 800 };
export const phone = { width: 390, height: 844 };

/**
 * A screenshot of the page at desktop and phone sizes, into test-results/screens/; at each size the page must
 * pass axe and must not be wider than the screen (no sideways scrolling of the whole page).
 */
export async function screens(page: Page, name: string) {
  for (const [size, viewport] of [
    ["desktop", desktop],
    ["phone", phone],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(400); // let the sidebar finish sliding between its wide and narrow layouts
    await page.screenshot({ path: `test-results/screens/${name}-${size}.png`, fullPage: true });
    await expectAccessible(page, `${name} (${size})`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} (${size}) is wider than the screen, by ${overflow}px`).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize(desktop);
}

/** WCAG 2.1 A and AA, and axe's best practices (landmarks, heading order…): no violation of any impact. */
export async function expectAccessible(page: Page, what: string) {
  // Legacy mode runs axe inside the page itself; the default opens a helper tab, which this Chromium refuses.
  const { violations } = await new AxeBuilder({ page })
    .setLegacyMode(true)
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  const found = violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
  );
  expect(found, `accessibility of ${what}`).toEqual([]);
}

/** Console errors fail the test (an unexpected 500 or a hydration error shows up there first). */
// The dev mailbox previews each email in a sandboxed iframe without scripts; Playwright's trace recorder tries
// to inject its snapshot script into every frame, and Chromium reports the sandbox refusing it. Not the app's.
const harnessNoise = [/^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed/];

export function watchConsole(page: Page, allow: RegExp[] = []) {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && ![...harnessNoise, ...allow].some((re) => re.test(m.text())))
      errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

export const PASSWORD = "correct horse battery staple";

/**
 * Signs up, then in: sign-up answers "check your email" (the same for an address that already has an account, so it
 * signs nobody in); its "sign in" link keeps the address and the `next` path.
 */
export async function fillSignUp(page: Page, name: string, email: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  const sent = page.getByRole("status").filter({ hasText: "Check your email" });
  await expect(sent).toContainText(email);
  await sent.getByRole("link", { name: "sign in" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/**
 * Polls /dev/mailbox (as a person refreshing it would) until a message to `to` whose subject matches arrives,
 * opens it and returns the first app link in its plain text that goes to `path`.
 */
export async function linkFromMailbox(
  page: Page,
  to: string,
  subject: RegExp,
  path: string,
  timeoutMs = 15_000,
): Promise<string> {
  const item = page
    .getByTestId("mail-item")
    .filter({ hasText: `to ${to}` })
    .filter({ hasText: subject });
  await expect(async () => {
    await page.goto("/dev/mailbox");
    await expect(item.first()).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: timeoutMs, intervals: [250, 500, 1000] });
  await item.first().click();
  await expect(page.getByRole("heading", { level: 2 })).toHaveText(subject);
  const text = (await page.getByTestId("mail-text").textContent()) ?? "";
  const link = new RegExp(`https?://[^\\s)\\]]+${path.replace(/[/?]/g, "\\$&")}\\?token=[A-Za-z0-9_-]+`).exec(
    text,
  )?.[0];
  if (!link) throw new Error(`no ${path} link in the email:\n${text}`);
  return link;
}

/**
 * Someone new joins the owner's workspace the way people do: the owner (on `owner`, signed in, in the workspace)
 * invites the address from Members, and the invitee opens the emailed link in a browser of their own, signs up and
 * accepts. Returns the invitee's page, in the workspace.
 */
export async function inviteAndJoin(
  owner: Page,
  browser: Browser,
  person: { name: string; email: string; role: "MEMBER" | "GUEST" },
): Promise<{ page: Page; context: BrowserContext }> {
  await owner.getByRole("link", { name: "Members" }).click();
  const inviteForm = owner.getByRole("form", { name: "Invite someone" });
  await inviteForm.getByLabel("Email address").fill(person.email);
  await inviteForm.getByLabel("Role").selectOption(person.role);
  await inviteForm.getByRole("button", { name: "Send invite" }).click();
  await expect(owner.getByText(`Invite sent to ${person.email}`)).toBeVisible();

  const context = await browser.newContext({ viewport: desktop });
  const page = await context.newPage();
  const link = await linkFromMailbox(page, person.email, /invited you to/, "/invite");
  await page.goto(link);
  await page.getByRole("link", { name: "Create an account to accept" }).click();
  await fillSignUp(page, person.name, person.email);
  await page.getByRole("button", { name: /^Accept and open/ }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+/);
  return { page, context };
}
