// Search as a person uses it: `/` from anywhere, a phrase, a from: filter, the highlighted passage, the result opening
// the post, a comment found inside its post, and the empty and error states. Screens pass axe at both sizes.
import { expect, test } from "@playwright/test";
import { desktop, fillSignUp, screens, watchConsole } from "./support";

test("search finds a post by a phrase and by from:, and a comment inside its post", async ({ page }) => {
  const errors = watchConsole(page);
  const stamp = Date.now();
  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, "Hedy Lamarr", `hedy-${stamp}@example.test`);
  await expect(page).toHaveURL(/\/w$/);
  await page.getByLabel("Workspace name").fill("Frequency Hoppers");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();

  for (const [title, body] of <[string, string][]>[
    ["Spread spectrum notes", "The **frequency hopping** plan uses a piano roll to switch channels."],
    ["Lunch on Friday", "Pizza at noon, everyone welcome."],
  ]) {
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Body").fill(body);
    await page.getByLabel("Body").press("Control+Enter");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  }
  await page.getByRole("link", { name: "Lunch on Friday" }).click();
  await page.getByRole("textbox", { name: "Add a comment" }).fill("Bring the torpedo guidance drawings too");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText("Bring the torpedo guidance drawings too")).toBeVisible();

  // `/` from the page focuses the search box; a phrase finds the one post, its words marked.
  await page.locator("body").press("/");
  await expect(page.getByRole("searchbox", { name: "Search posts and comments" })).toBeFocused();
  await page.keyboard.type('"frequency hopping"');
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=/);
  const results = page.getByRole("list", { name: /Results for/ });
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results.locator("mark").first()).toHaveText(/frequency/i);
  await screens(page, "80-search-results");
  await results.getByRole("link", { name: "Spread spectrum notes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Spread spectrum notes" })).toBeVisible();

  // A word from a comment opens the post at the comment.
  await page.goto(`${page.url().replace(/\/p\/.*$/, "")}/search?q=torpedo`);
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await results.getByRole("link", { name: "Re: Lunch on Friday" }).click();
  await expect(page).toHaveURL(/#comment-/);
  await expect(page.getByRole("heading", { level: 1, name: "Lunch on Friday" })).toBeVisible();

  // from:@handle lists what that person wrote.
  await page.goto("/settings");
  const handle = /\(@([a-z0-9]+)\)/.exec((await page.getByText(/Signed in as/).textContent()) ?? "")?.[1];
  expect(handle).toBeTruthy();
  await page.goBack();
  const search = page.getByRole("searchbox", { name: "Search posts and comments" });
  await search.fill(`from:@${handle} pizza`);
  await search.press("Enter");
  await expect(results.getByRole("listitem")).toHaveCount(1);
  await expect(results).toContainText("Lunch on Friday");

  // Nothing found, and a filter it cannot read: each says so.
  await search.fill("zeppelin");
  await search.press("Enter");
  await expect(page.getByText("Nothing matches “zeppelin”.")).toBeVisible();
  await screens(page, "81-search-empty");
  await page.getByRole("searchbox", { name: "Search", exact: true }).fill("before:yesterday");
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "before: takes a date as YYYY-MM-DD" })).toBeVisible();
  expect(errors).toEqual([]);
});
