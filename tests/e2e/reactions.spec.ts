// React and un-react on a post and a comment, pick any emoji, pin a post and find it atop its channel, unpin it.
// Screens pass axe at both sizes.
import { expect, test } from "@playwright/test";
import { desktop, fillSignUp, screens, watchConsole } from "./support";

test("react, un-react, pin and see it on top, unpin", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, "Mary Jackson", `mary-${Date.now()}@example.test`);
  await expect(page).toHaveURL(/\/w$/);
  await page.getByLabel("Workspace name").fill("Wind Tunnel");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  const channelUrl = page.url();
  for (const title of ["Tunnel schedule", "Coffee machine"]) {
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Body").fill(`About the ${title.toLowerCase()}.`);
    await page.getByLabel("Body").press("Control+Enter");
    await expect(page.getByRole("link", { name: title })).toBeVisible();
  }
  await page.getByRole("link", { name: "Tunnel schedule" }).click();
  await page.getByRole("textbox", { name: "Add a comment" }).fill("Thursday works for me");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText("Thursday works for me")).toBeVisible();

  // One of the usual six on the post.
  const postReactions = page.getByRole("group", { name: "Reactions to the post" });
  await postReactions.locator("summary").click();
  await postReactions.getByRole("button", { name: "🎉" }).click();
  const party = postReactions.getByRole("button", { name: /🎉 1 reaction from Mary Jackson, including yours/ });
  await expect(party).toHaveAttribute("aria-pressed", "true");

  // Any emoji on the comment.
  const commentReactions = page.getByRole("group", { name: "Reactions to Mary Jackson's comment" });
  await commentReactions.locator("summary").click();
  await commentReactions.getByLabel("Any emoji").fill("🚀");
  await commentReactions.getByRole("button", { name: "React", exact: true }).click();
  await expect(commentReactions.getByRole("button", { name: /🚀 1 reaction/ })).toHaveAttribute("aria-pressed", "true");
  await screens(page, "85-reactions");

  // Not an emoji: said so, nothing added.
  await commentReactions.locator("summary").click();
  await commentReactions.getByLabel("Any emoji").fill("yes");
  await commentReactions.getByRole("button", { name: "React", exact: true }).click();
  await expect(commentReactions.getByText("Any emoji must be one emoji")).toBeVisible();
  await expect(commentReactions.getByLabel("Any emoji")).toHaveAttribute("aria-invalid", "true");

  // Un-react: the button goes.
  await party.click();
  await expect(postReactions.getByRole("button", { name: /🎉/ })).toHaveCount(0);

  // Pin: the channel shows it on top.
  await page.getByRole("button", { name: "Pin to channel" }).click();
  await expect(page.getByText("Pinned", { exact: true })).toBeVisible();
  await page.goto(channelUrl);
  const board = page.getByRole("region", { name: /Pinned/ });
  await expect(board.getByRole("link", { name: "Tunnel schedule" })).toBeVisible();
  await screens(page, "86-pinned");
  await board.getByRole("link", { name: "Tunnel schedule" }).click();
  await page.getByRole("button", { name: "Unpin" }).click();
  await expect(page.getByRole("button", { name: "Pin to channel" })).toBeVisible();
  await page.goto(channelUrl);
  await expect(page.getByRole("region", { name: /Pinned/ })).toHaveCount(0);
  expect(errors).toEqual([]);
});
