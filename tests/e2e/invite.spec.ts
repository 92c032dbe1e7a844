// Invite → accept → member, through the dev mailbox: an owner invites an address; someone new opens the link
// in another browser, signs up, accepts and lands in the workspace; the owner sees them among the members.
import { expect, test } from "@playwright/test";
import { desktop, fillSignUp, linkFromMailbox, PASSWORD, screens, watchConsole } from "./support";

test("owner invites → invitee signs up from the link and accepts → member on both sides", async ({ page, browser }) => {
  const errors = watchConsole(page);
  const stamp = Date.now();
  const ownerEmail = `ada-${stamp}@example.test`;
  const inviteeEmail = `ben-${stamp}@example.test`;
  // Names unique to this attempt: a retry runs against the same database, where the first attempt's handles are taken.
  const tag = stamp.toString(36);
  const [adaName, benName] = [`Ada ${tag}`, `Ben ${tag}`];
  const [adaHandle, benHandle] = [`@ada${tag}`, `@ben${tag}`];
  await page.setViewportSize(desktop);

  await page.goto("/signup");
  await fillSignUp(page, adaName, ownerEmail);
  await page.getByLabel("Workspace name").fill("Invite Works");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();

  await page.getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(/\/members$/);
  const membersUrl = page.url();
  const inviteForm = page.getByRole("form", { name: "Invite someone" });
  // A bad address is refused on the field; nothing is sent.
  await inviteForm.getByLabel("Email address").fill("not an email");
  await inviteForm.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText("Email address must be an email address")).toBeVisible();
  await inviteForm.getByLabel("Email address").fill(inviteeEmail);
  await inviteForm.getByLabel("Role").selectOption("MEMBER");
  await inviteForm.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText(`Invite sent to ${inviteeEmail}`)).toBeVisible();
  const pending = page.locator("section").filter({ has: page.getByRole("heading", { name: "Pending invites" }) });
  await expect(pending.getByText(inviteeEmail, { exact: true })).toBeVisible();
  await expect(pending.getByText(/expires in 7 days/)).toBeVisible();
  await screens(page, "31-members-invites");

  // The invitee, in a browser of their own.
  const context = await browser.newContext({ viewport: desktop });
  const guest = await context.newPage();
  const guestErrors = watchConsole(guest);
  const link = await linkFromMailbox(guest, inviteeEmail, /invited you to Invite Works/, "/invite");
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "Join Invite Works" })).toBeVisible();
  await expect(guest.getByText(inviteeEmail, { exact: true })).toBeVisible();
  await screens(guest, "32-invite-signed-out");
  await guest.getByRole("link", { name: "Create an account to accept" }).click();
  await expect(guest.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(guest.getByLabel("Email")).toHaveValue(inviteeEmail); // pre-filled from the invite
  await fillSignUp(guest, benName, inviteeEmail);
  // Back on the invite page, now signed in as the invited address.
  await expect(guest.getByRole("heading", { name: "Join Invite Works" })).toBeVisible();
  await screens(guest, "33-invite-signed-in");
  await guest.getByRole("button", { name: "Accept and open Invite Works" }).click();
  await expect(guest).toHaveURL(/\/w\/[^/]+(\/c\/[^/]+)?$/);
  await expect(guest.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  await expect(guest.getByRole("combobox", { name: "Workspace" })).toHaveValue(/.+/);
  await expect(guest.getByRole("option", { name: "Invite Works" })).toHaveCount(1);

  // The newcomer mentions the owner in a post.
  await guest.getByLabel("Title").fill("Hello from Ben");
  await guest.getByLabel("Body").fill(`Thanks for the invite, ${adaHandle}!`);
  await guest.getByRole("button", { name: "Post", exact: true }).click();
  await expect(guest.getByRole("link", { name: "Hello from Ben" })).toBeVisible();

  // The link again: already in.
  await guest.goto(link);
  await expect(guest.getByRole("heading", { name: "You are in Invite Works" })).toBeVisible();
  expect(guestErrors).toEqual([]);
  await context.close();

  // The owner sees the new member, and no pending invite.
  await page.goto(membersUrl);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: `Role of ${benName}` })).toHaveValue("MEMBER");
  await expect(page.getByRole("button", { name: `Remove ${benName}` })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Pending invites" })).toHaveCount(0);

  // The mention: a badge in the sidebar, the notifications list, and the post in catch-up. The notification is
  // written by a background function after Ben's post; like a person would, refresh until it is there.
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("unread-count")).toHaveText(/^1/, { timeout: 1000 });
  }).toPass({ timeout: 20_000, intervals: [250, 500, 1000] });
  await page.getByRole("link", { name: /Notifications/ }).click();
  await expect(page.getByText("1 unread.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Hello from Ben" })).toBeVisible();
  await screens(page, "35-notifications");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByText("You are all caught up.")).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveCount(0);
  await page.getByRole("link", { name: "Catch up" }).click();
  await expect(page.getByRole("link", { name: "Hello from Ben" })).toBeVisible();
  await screens(page, "36-catch-up");
  await page.getByRole("button", { name: "Mark all caught up" }).click();
  await expect(page.getByText("You are all caught up.")).toBeVisible();
  // The channel's notification level, from its header.
  await page.getByRole("link", { name: /general/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  const generalUrl = page.url();
  await page.getByLabel("Notify me").selectOption("ALL");
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Notify me")).toHaveValue("ALL");

  // A private channel with Ben in it: the owner creates it and adds him from its settings.
  await page.getByRole("link", { name: "New channel" }).click();
  await expect(page.getByRole("heading", { name: "New channel" })).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("inner-circle");
  await page.locator("label").filter({ hasText: "Only people added to it can see it." }).click();
  await page.getByRole("button", { name: "Create channel" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /inner-circle/ })).toBeVisible();
  const privateUrl = page.url();
  await page.getByRole("link", { name: "Channel settings" }).click();
  await page.getByLabel("Add a member of the workspace").selectOption({ label: `${benName} (${benHandle})` });
  await page.getByRole("button", { name: "Add to channel" }).click();
  await expect(page.getByText(benHandle)).toBeVisible();

  // Reading a channel marks it read: a new post shows in Catch up until the owner opens the channel.
  const benContext = await browser.newContext({ viewport: desktop });
  const ben = await benContext.newPage();
  await ben.goto("/signin");
  await ben.getByLabel("Email").fill(inviteeEmail);
  await ben.getByLabel("Password").fill(PASSWORD);
  await ben.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(ben).toHaveURL(/\/w(\/|$)/);
  await ben.goto(generalUrl);
  await ben.getByLabel("Title").fill("Second from Ben");
  await ben.getByLabel("Body").fill(`Read me in the channel, ${adaHandle}.`);
  await ben.getByRole("button", { name: "Post", exact: true }).click();
  await expect(ben.getByRole("link", { name: "Second from Ben" })).toBeVisible();
  // As a plain member of the private channel, Ben manages its people, and only that.
  await ben.goto(privateUrl);
  await ben.getByRole("link", { name: "People in #inner-circle" }).click();
  await expect(ben.getByRole("heading", { level: 1, name: "People in #inner-circle" })).toBeVisible();
  await expect(ben.getByText(adaHandle)).toBeVisible();
  await expect(ben.getByText("Everyone in the workspace is already in this channel.")).toBeVisible();
  await expect(ben.getByRole("heading", { name: "Name and description" })).toHaveCount(0);
  await expect(ben.getByRole("button", { name: "Archive channel" })).toHaveCount(0);
  await screens(ben, "37-private-channel-people-as-member");
  await benContext.close();
  // The owner's page was left open on the channel's settings: it refreshes itself, and the new mention shows
  // in the sidebar without a reload.
  await expect(page.getByRole("heading", { level: 1, name: "Channel settings" })).toBeVisible();
  await expect(page.getByTestId("unread-count")).toHaveText(/^1/, { timeout: 45_000 });
  await page.getByRole("link", { name: "Catch up" }).click();
  await expect(page.getByRole("link", { name: "Second from Ben" })).toBeVisible();
  await page.goto(generalUrl);
  await expect(page.getByRole("link", { name: "Second from Ben" })).toBeVisible();
  await page.getByRole("link", { name: "Catch up" }).click();
  await expect(page.getByText("You are all caught up.")).toBeVisible();

  // A revoked invite's link says so.
  await page.goto(membersUrl);
  await page.getByRole("form", { name: "Invite someone" }).getByLabel("Email address").fill(`cy-${stamp}@example.test`);
  await page.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByRole("heading", { name: "Pending invites" })).toBeVisible();
  const revokedLink = await linkFromMailbox(page, `cy-${stamp}@example.test`, /invited you to Invite Works/, "/invite");
  await page.goto(membersUrl);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: `Revoke invite to cy-${stamp}@example.test` }).click();
  await expect(page.getByRole("heading", { name: "Pending invites" })).toHaveCount(0);
  await page.goto(revokedLink);
  await expect(page.getByRole("heading", { name: "This invite can no longer be used" })).toBeVisible();
  await expect(page.getByText("This invite was revoked.")).toBeVisible();
  await screens(page, "34-invite-revoked");

  expect(errors).toEqual([]);
});
