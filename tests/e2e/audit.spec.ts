// The audit log as an owner uses it: a change they just made shows on the Audit log page (who, what, before →
// after), the filters narrow it, the export downloads the same rows as JSON Lines, and the page passes axe.
import { expect, test } from "@playwright/test";
import { desktop, fillSignUp, screens, watchConsole } from "./support";

test("owner changes a channel → sees it in the audit log, filters it, exports it", async ({ page, baseURL }) => {
  const errors = watchConsole(page);
  const tag = Date.now().toString(36);
  const name = `Olga ${tag}`;
  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, name, `olga-${tag}@example.test`);
  await page.getByLabel("Workspace name").fill("Audit Works");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  const workspaceId = /\/w\/([^/]+)/.exec(page.url())?.[1];
  expect(workspaceId).toBeTruthy();

  // Changes through the API with the page's session (what the channel settings page does through its forms).
  const api = `/api/v1/workspaces/${workspaceId}`;
  const headers = { origin: new URL(baseURL ?? "").origin };
  const created = await page.request.post(`${api}/channels`, { headers, data: { name: `plans-${tag}` } });
  expect(created.status()).toBe(201);
  const channelId = ((await created.json()) as { data: { id: string } }).data.id;
  const archived = await page.request.patch(`${api}/channels/${channelId}`, { headers, data: { archived: true } });
  expect(archived.status()).toBe(200);

  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(3); // workspace.created, channel.created, channel.archived
  await expect(rows.first()).toContainText("channel.archived");
  await expect(rows.first()).toContainText(name);
  await expect(rows.first()).toContainText(`plans-${tag}`);
  await expect(rows.first().getByRole("deletion")).toContainText("—");
  await screens(page, "41-audit-log");

  await page.getByLabel("Action").selectOption("channel.created");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/action=channel\.created/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`plans-${tag}`);

  const exportHref = await page.getByTestId("audit-export").getAttribute("href");
  expect(exportHref).toContain("action=channel.created");
  const exported = await page.request.get(exportHref ?? "");
  expect(exported.status()).toBe(200);
  expect(exported.headers()["content-type"]).toMatch(/^application\/x-ndjson/);
  const lines = (await exported.text())
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { action: string });
  expect(lines.map((l) => l.action)).toEqual(["channel.created"]);

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(rows).toHaveCount(3);
  await page.getByLabel("From (UTC)").fill("2000-01-01");
  await page.getByLabel("To (UTC, inclusive)").fill("2000-01-02");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No entries match these filters.")).toBeVisible();
  expect(errors).toEqual([]);
});
