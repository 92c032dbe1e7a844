// Webhooks as an admin uses them: register an endpoint (a receiver on 127.0.0.1 that verifies signatures with the
// `standardwebhooks` package), a member posts, exactly one verified delivery arrives; the receiver starts failing,
// the retries show up in the delivery log, and a redelivery goes through once it recovers.
import { expect, test } from "@playwright/test";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";
import { desktop, fillSignUp, linkFromMailbox, screens, watchConsole } from "./support";

const RECEIVER_PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver({ port: RECEIVER_PORT });
});
test.afterAll(async () => {
  await receiver.close();
});

test("admin registers a webhook, a member's post arrives once, verified; failures retry and redeliver", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const errors = watchConsole(page);
  const stamp = Date.now();
  const tag = stamp.toString(36);
  const ownerEmail = `hana-${stamp}@example.test`;
  const memberEmail = `moe-${stamp}@example.test`;
  await page.setViewportSize(desktop);

  await page.goto("/signup");
  await fillSignUp(page, `Hana ${tag}`, ownerEmail);
  await page.getByLabel("Workspace name").fill("Hook Works");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();

  // A member, through an invite.
  await page.getByRole("link", { name: "Members" }).click();
  const inviteForm = page.getByRole("form", { name: "Invite someone" });
  await inviteForm.getByLabel("Email address").fill(memberEmail);
  await inviteForm.getByLabel("Role").selectOption("MEMBER");
  await inviteForm.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText(`Invite sent to ${memberEmail}`)).toBeVisible();

  // The webhooks page: empty at first, then an endpoint whose secret is shown once.
  await page.getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
  await expect(page.getByText("No endpoints yet.")).toBeVisible();
  const form = page.getByRole("form", { name: "Add a webhook endpoint" });
  await form.getByLabel("Endpoint URL").fill("ftp://nope.example.com");
  await form.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText(/Endpoint URL must be an http\(s\) URL/)).toBeVisible();
  await form.getByLabel("Endpoint URL").fill(receiver.url);
  await form.getByLabel("Description").fill("CI notifier");
  await expect(form.getByRole("checkbox", { name: /post\.created/ })).toBeChecked();
  await form.getByRole("button", { name: "Add endpoint" }).click();
  const secret = await page.getByTestId("webhook-secret").inputValue();
  expect(secret).toMatch(/^whsec_/);
  receiver.setSecrets([secret]);
  await expect(page.getByTestId("webhook-endpoint")).toHaveCount(1);
  await screens(page, "60-webhooks");
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("webhook-secret")).toHaveCount(0);

  // The member joins and posts.
  const context = await browser.newContext({ viewport: desktop });
  const member = await context.newPage();
  const memberErrors = watchConsole(member);
  const link = await linkFromMailbox(member, memberEmail, /invited you to Hook Works/, "/invite");
  await member.goto(link);
  await member.getByRole("link", { name: "Create an account to accept" }).click();
  await fillSignUp(member, `Moe ${tag}`, memberEmail);
  await member.getByRole("button", { name: "Accept and open Hook Works" }).click();
  await expect(member.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  await member.getByLabel("Title").fill("Deploy is green");
  await member.getByLabel("Body").fill("Shipped at noon.");
  await member.getByRole("button", { name: "Post", exact: true }).click();
  await expect(member.getByRole("link", { name: "Deploy is green" })).toBeVisible();
  expect(memberErrors).toEqual([]);
  await context.close();

  await expect.poll(() => receiver.verified().length, { timeout: 30_000 }).toBe(1);
  await page.waitForTimeout(2_000); // nothing else follows: exactly one delivery
  expect(receiver.received).toHaveLength(1);
  const [delivered] = receiver.verified();
  expect(delivered!.payload).toMatchObject({ type: "post.created", data: { title: "Deploy is green" } });

  // The delivery log shows it.
  await page.getByRole("link", { name: `Deliveries to ${receiver.url}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Deliveries" })).toBeVisible();
  const rows = page.getByTestId("webhook-delivery");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("post.created");
  await expect(rows.first().getByTestId("delivery-status")).toHaveText("delivered");
  await expect(rows.first()).toContainText("HTTP 200");

  // The receiver goes down: a test event fails, and its retry (5 s later, picked up by the per-minute sweep) shows.
  receiver.respondWith("fail");
  await page.getByRole("button", { name: "Send test event" }).click();
  const testRow = rows.filter({ hasText: "webhook.test" });
  await expect(async () => {
    await page.reload();
    await expect(testRow.getByTestId("delivery-status")).toHaveText("failed, will retry", { timeout: 1000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
  await expect(testRow).toContainText("HTTP 500");
  await expect(testRow).toContainText("receiver is down");
  await expect(testRow).toContainText("next retry");
  await expect(async () => {
    await page.reload();
    await expect(testRow.getByTestId("webhook-attempt")).toHaveCount(2, { timeout: 1000 });
  }).toPass({ timeout: 100_000, intervals: [2000, 5000] });
  await screens(page, "61-webhook-deliveries");

  // It recovers; the admin redelivers instead of waiting 5 minutes.
  receiver.respondWith("ok");
  await testRow.getByRole("button", { name: /Redeliver/ }).click();
  await expect(async () => {
    await page.reload();
    await expect(testRow.getByTestId("delivery-status")).toHaveText("delivered", { timeout: 1000 });
  }).toPass({ timeout: 30_000, intervals: [500, 1000, 2000] });
  await expect(testRow.getByTestId("webhook-attempt")).toHaveCount(3);
  const tests = receiver.received.filter((r) => r.payload.type === "webhook.test");
  expect(tests.length).toBeGreaterThanOrEqual(3);
  expect(new Set(tests.map((r) => r.id)).size).toBe(1); // one webhook-id across retries and the redelivery
  expect(tests.every((r) => r.verifiedWith === 0)).toBe(true);
  expect(errors).toEqual([]);
});
