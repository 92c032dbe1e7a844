// Unread, the Inbox and a guest's search, with three people in three browsers: a member's sidebar counts a new post
// and a mention and clears when they read; "Mark all read"; the new-since-last-visit divider; a comment on the owner's
// post brings it to their Inbox, "Done" clears it and a newer comment brings it back; a guest's search never shows a
// private channel's post. Screens pass axe at both sizes.
import { expect, test, type Page } from "@playwright/test";
import { desktop, fillSignUp, inviteAndJoin, screens, watchConsole } from "./support";

/** Background work (the Inbox, notifications) lands a moment after the request: reload until it shows, as people do. */
async function reloadUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.reload();
    await check();
  }).toPass({ timeout: 20_000, intervals: [250, 500, 1000] });
}

async function post(page: Page, title: string, body: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Body").fill(body);
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("link", { name: title })).toBeVisible();
}

test("unread counts, mark all read, the divider, the Inbox, and a guest's search", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const errors = watchConsole(page);
  const tag = Date.now().toString(36);
  const [ada, ben, gus] = [`Ada ${tag}`, `Ben ${tag}`, `Gus ${tag}`];
  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, ada, `ada-${tag}@example.test`);
  await page.getByLabel("Workspace name").fill("Harbour Office");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  const generalUrl = page.url();

  const member = await inviteAndJoin(page, browser, { name: ben, email: `ben-${tag}@example.test`, role: "MEMBER" });
  const guest = await inviteAndJoin(page, browser, { name: gus, email: `gus-${tag}@example.test`, role: "GUEST" });
  const benPage = member.page;
  const benErrors = watchConsole(benPage);

  // A private channel with a secret in it, which the guest is not in; a public channel the guest is added to.
  await page.getByRole("link", { name: "New channel" }).click();
  await page.getByLabel("Name", { exact: true }).fill("board");
  await page.locator("label").filter({ hasText: "Only people added to it can see it." }).click();
  await page.getByRole("button", { name: "Create channel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /board/ })).toBeVisible();
  await post(page, "Budget for the new ferry", "The ferry budget is confidential.");
  await page.getByRole("link", { name: "New channel" }).click();
  await page.getByLabel("Name", { exact: true }).fill("visitors");
  await page.getByRole("button", { name: "Create channel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /visitors/ })).toBeVisible();
  await post(page, "Ferry timetable for visitors", "Boats leave every hour; the ferry budget is not here.");
  await page.getByRole("link", { name: "Channel settings" }).click();
  await page.getByLabel("Add a member of the workspace").selectOption({ label: `${gus} (@gus${tag})` });
  await page.getByRole("button", { name: "Add to channel" }).click();
  await expect(page.getByText(`@gus${tag}`)).toBeVisible();

  // Ben's sidebar counts what Ada posts in #general, and the mention of him.
  await page.goto(generalUrl);
  await post(page, "Welcome aboard", "Glad to have you here.");
  await benPage.goto(generalUrl); // read up to now
  await expect(benPage.getByRole("link", { name: "Welcome aboard" })).toBeVisible();
  await post(page, "Ferry schedule", "Who takes the Monday shift?");
  await post(page, "Dock repairs", `@ben${tag} can you look at the east dock?`);
  const benGeneral = benPage.getByRole("navigation", { name: "Channels" }).getByRole("link", { name: /general/ });
  await benPage.goto(`${generalUrl.replace(/\/c\/.*/, "")}/members`);
  await expect(benGeneral).toContainText("2 unread");
  await expect(benGeneral).toContainText("1 mention");
  await screens(benPage, "90-sidebar-unread");
  // Opening the channel reads it: the divider marks what is new, and the counts clear.
  await benGeneral.click();
  await expect(benPage.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  const divider = benPage.getByRole("separator", { name: /New since your last visit/ });
  await expect(divider).toBeVisible();
  await screens(benPage, "91-new-since-divider");
  await expect(benGeneral).not.toContainText("unread");

  // Mark all read, from the sidebar.
  await post(page, "Lunch", "Soup today.");
  await benPage.goto(`${generalUrl.replace(/\/c\/.*/, "")}/members`);
  await expect(benGeneral).toContainText("1 unread");
  await benPage.getByRole("button", { name: "Mark all read" }).click();
  await expect(benGeneral).not.toContainText("unread");
  await expect(benPage.getByRole("button", { name: "Mark all read" })).toHaveCount(0);

  // Ben comments on Ada's post: it comes to Ada's Inbox.
  await benPage.goto(generalUrl);
  await benPage.getByRole("link", { name: "Ferry schedule" }).click();
  await benPage.getByRole("textbox", { name: "Add a comment" }).fill("I can take Monday.");
  await benPage.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(benPage.getByText("I can take Monday.")).toBeVisible();
  const postUrl = benPage.url();
  await reloadUntil(page, () => expect(page.getByTestId("inbox-count")).toHaveText(/^1/, { timeout: 1000 }));
  await page.getByRole("link", { name: /Inbox/ }).click();
  const inbox = page.getByRole("list", { name: "Inbox" });
  await expect(inbox.getByRole("link", { name: "Ferry schedule" })).toBeVisible();
  await expect(inbox.getByText(`${ben} commented`)).toBeVisible();
  await screens(page, "92-inbox");
  await inbox.getByRole("button", { name: "Done with Ferry schedule" }).click();
  await expect(page.getByText("Your inbox is empty.")).toBeVisible();
  await expect(page.getByTestId("inbox-count")).toHaveCount(0);
  await screens(page, "93-inbox-empty");
  // Something newer brings it back.
  await benPage.goto(postUrl);
  await benPage.getByRole("textbox", { name: "Add a comment" }).fill("Tuesday too, if needed.");
  await benPage.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(benPage.getByText("Tuesday too, if needed.")).toBeVisible();
  await reloadUntil(page, () =>
    expect(inbox.getByRole("link", { name: "Ferry schedule" })).toBeVisible({ timeout: 1000 }),
  );
  await expect(inbox.getByText(`${ben} commented`)).toBeVisible();

  // The guest's search finds the visitors' post and never the private channel's.
  const gusPage = guest.page;
  const gusErrors = watchConsole(gusPage);
  await gusPage.keyboard.press("/");
  await gusPage.keyboard.type("ferry budget");
  await gusPage.keyboard.press("Enter");
  const results = gusPage.getByRole("list", { name: /results/i });
  await expect(results.getByRole("link", { name: "Ferry timetable for visitors" })).toBeVisible();
  await expect(gusPage.getByText("Budget for the new ferry")).toHaveCount(0);
  await screens(gusPage, "94-guest-search");

  expect(errors).toEqual([]);
  expect(benErrors).toEqual([]);
  expect(gusErrors).toEqual([]);
  await member.context.close();
  await guest.context.close();
});
