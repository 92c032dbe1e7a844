// A person's first session, as they would do it: sign up, make a workspace and a channel, post, comment, and
// find it all again after a reload. Then someone from another workspace tries the post's URL: 404.
import { expect, test, type Page } from "@playwright/test";
import { desktop, expectAccessible, fillSignUp, phone, screens, watchConsole } from "./support";

async function signUp(page: Page, name: string, email: string) {
  await page.goto("/signup");
  await fillSignUp(page, name, email);
  await expect(page).toHaveURL(/\/w$/);
  await expect(page.getByRole("heading", { name: "Your workspaces" })).toBeVisible();
}

async function createWorkspace(page: Page, name: string) {
  await page.getByLabel("Workspace name").fill(name);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/w\/[^/]+\/c\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
}

test("sign up → workspace → channel → post → comment → reload; another workspace gets a 404", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const errors = watchConsole(page);

  await page.setViewportSize(desktop);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("conversations");
  await screens(page, "01-landing");

  await page.goto("/signup");
  await screens(page, "02-signup");
  await signUp(page, "Ada Lovelace", `ada-${stamp}@example.test`);
  await expect(page.getByText("You are not in any workspace yet")).toBeVisible();
  await screens(page, "03-workspaces-empty");

  // A blank name is refused with a message on the field, and nothing is created.
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByText("Workspace name is required")).toBeVisible();

  await createWorkspace(page, "Analytical Engines");
  await expect(page.getByText("No posts yet.")).toBeVisible();
  await screens(page, "04-channel-empty");

  // A new channel, from the sidebar.
  await page.getByRole("link", { name: "New channel" }).click();
  await expect(page.getByRole("heading", { name: "New channel" })).toBeVisible();
  await screens(page, "05-new-channel");
  await page.getByLabel("Name", { exact: true }).fill("launch-plans");
  await page.getByLabel("Description (optional)").fill("Getting the engine out the door");
  await page.getByRole("button", { name: "Create channel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /launch-plans/ })).toBeVisible();
  const channelUrl = page.url();

  // A post, sent with Ctrl+Enter from the body.
  await page.getByLabel("Title").fill("First run of the engine");
  await page
    .getByLabel("Body")
    .fill(
      "The **difference engine** ran for an hour.\n\n- gears: fine\n- steam: *plenty*\n\n<script>alert('x')</script>",
    );
  await page.getByLabel("Body").press("Control+Enter");
  const postLink = page.getByRole("link", { name: "First run of the engine" });
  await expect(postLink).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveValue(""); // the composer is cleared for the next post
  await expect(page.locator("article strong", { hasText: "difference engine" })).toBeVisible();
  await screens(page, "06-channel-with-post");

  // The post page, and a comment on it.
  await postLink.click();
  await expect(page.getByRole("heading", { level: 1, name: "First run of the engine" })).toBeVisible();
  const postUrl = page.url();
  expect(postUrl).toMatch(/\/w\/[^/]+\/p\/[^/]+$/);
  await expect(page.locator("script", { hasText: "alert" })).toHaveCount(0);
  await page.getByRole("textbox", { name: "Add a comment" }).fill("Splendid — let us run it again on _Tuesday_.");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText("Splendid — let us run it again on")).toBeVisible();
  await expect(page.getByRole("heading", { name: "1 comment" })).toBeVisible();
  await screens(page, "07-post");

  // Still there after a reload, here and in the channel.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "First run of the engine" })).toBeVisible();
  await expect(page.getByText("Splendid — let us run it again on")).toBeVisible();
  await page.goto(channelUrl);
  await page.reload();
  await expect(page.getByRole("link", { name: "First run of the engine" })).toBeVisible();
  await expect(page.getByRole("link", { name: "1 comment" })).toBeVisible();

  // The author edits the post: it is marked edited.
  await page.goto(postUrl);
  await page.getByRole("link", { name: "Edit", exact: true }).click();
  await page.getByLabel("Title").fill("First run of the engine (revised)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "First run of the engine (revised)" })).toBeVisible();
  await expect(page.getByText("(edited")).toBeVisible();

  // An admin archives the channel: read-only, with a banner, and listed under Archived; then reopens it.
  await page.goto(channelUrl);
  await page.getByRole("link", { name: "Channel settings" }).click();
  await page.getByRole("button", { name: "Archive channel" }).click();
  await expect(page.getByRole("button", { name: "Unarchive channel" })).toBeVisible();
  await page.goto(channelUrl);
  await expect(page.getByText("This channel was archived")).toBeVisible();
  await expect(page.getByLabel("Title")).toHaveCount(0);
  await expect(page.getByText("Archived (1)")).toBeVisible();
  await screens(page, "08-channel-archived");
  await page.getByRole("link", { name: "Unarchive it" }).click();
  await page.getByRole("button", { name: "Unarchive channel" }).click();
  await expect(page.getByRole("button", { name: "Archive channel" })).toBeVisible();

  // Members and API tokens pages.
  await page.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByText("(you)")).toBeVisible();
  await screens(page, "09-members");
  await page.getByRole("link", { name: "API tokens" }).click();
  await expect(page.getByText("No tokens yet.")).toBeVisible();
  await page.getByLabel("Name").fill("Deploy bot");
  await page.getByRole("button", { name: "Create token" }).click();
  await expect(page.getByTestId("new-token")).toHaveValue(/^tid_/);
  await expect(page.getByText("Deploy bot").last()).toBeVisible();
  await screens(page, "10-tokens");

  // The phone layout: the sidebar is behind the menu button.
  await page.setViewportSize(phone);
  await page.goto(channelUrl);
  await expect(page.getByRole("navigation", { name: "Channels" })).not.toBeInViewport();
  await page.getByRole("button", { name: "Open menu" }).click();
  await expect(page.getByRole("navigation", { name: "Channels" })).toBeInViewport();
  await page.screenshot({ path: "test-results/screens/11-menu-open-phone.png" });
  await expectAccessible(page, "the open menu (phone)");
  await page
    .getByRole("navigation", { name: "Channels" })
    .getByRole("link", { name: /general/ })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Channels" })).not.toBeInViewport();
  await page.setViewportSize(desktop);

  expect(errors).toEqual([]);

  // Someone else, in a workspace of their own, cannot open that post.
  const other = await browser.newContext({ viewport: desktop });
  const intruder = await other.newPage();
  const intruderErrors = watchConsole(intruder, [/status of 404/]);
  await signUp(intruder, "Charles Babbage", `charles-${stamp}@example.test`);
  await createWorkspace(intruder, "Difference Ltd");
  const response = await intruder.goto(postUrl);
  expect(response?.status()).toBe(404);
  await expect(intruder.getByRole("heading", { name: "This page could not be found" })).toBeVisible();
  await expect(intruder.getByText(/First run of the engine/)).toHaveCount(0);
  await screens(intruder, "12-not-found");
  expect((await intruder.goto(channelUrl))?.status()).toBe(404);
  expect(intruderErrors).toEqual([]);
  await other.close();
});
