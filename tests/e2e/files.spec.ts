// Files, as people use them: the author attaches two images and a PDF to a post (a progress bar per file), the
// thread shows them pending and then as thumbnails; a member opens the full image; someone from another workspace
// gets a 404 on the file's URL.
import { expect, test, type Page } from "@playwright/test";
import sharp from "sharp";
import { desktop, fillSignUp, linkFromMailbox, screens, watchConsole } from "./support";

const image = (w: number, h: number, color: string) =>
  sharp({ create: { width: w, height: h, channels: 3, background: color } })
    .png()
    .toBuffer();
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

async function newWorkspace(page: Page, name: string, email: string, workspace: string) {
  await page.goto("/signup");
  await fillSignUp(page, name, email);
  await page.getByLabel("Workspace name").fill(workspace);
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
}

test("attach two images and a PDF → progress → pending, then thumbnails → a member opens one; another workspace: 404", async ({
  page,
  browser,
}) => {
  const stamp = Date.now();
  const tag = stamp.toString(36);
  // The refused SVG below is answered 400 by the file router, which the browser logs (the message names no URL).
  const errors = watchConsole(page, [/responded with a status of 400 \(Bad Request\)$/]);
  await page.setViewportSize(desktop);
  await newWorkspace(page, `Ada ${tag}`, `ada-${stamp}@example.test`, "Photo Works");
  const generalUrl = page.url();

  // Ben joins as a member (invite through the dev mailbox).
  await page.getByRole("link", { name: "Members" }).click();
  const inviteForm = page.getByRole("form", { name: "Invite someone" });
  const benEmail = `ben-${stamp}@example.test`;
  await inviteForm.getByLabel("Email address").fill(benEmail);
  await inviteForm.getByLabel("Role").selectOption("MEMBER");
  await inviteForm.getByRole("button", { name: "Send invite" }).click();
  await expect(page.getByText(`Invite sent to ${benEmail}`)).toBeVisible();
  const benContext = await browser.newContext({ viewport: desktop });
  const ben = await benContext.newPage();
  const benErrors = watchConsole(ben);
  await ben.goto(await linkFromMailbox(ben, benEmail, /invited you to Photo Works/, "/invite"));
  await ben.getByRole("link", { name: "Create an account to accept" }).click();
  await fillSignUp(ben, `Ben ${tag}`, benEmail);
  await ben.getByRole("button", { name: "Accept and open Photo Works" }).click();
  await expect(ben.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();

  // Ada writes a post with three files. The uploads are held back a moment so each one's progress bar shows.
  await page.goto(generalUrl);
  await page.route("**/api/files/ingest/**", async (route) => {
    if (route.request().method() === "PUT") await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  await page.getByLabel("Title").fill("Offsite photos");
  await page.getByLabel("Body").fill("Two photos and the agenda.");
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  await (
    await chooser
  ).setFiles([
    { name: "lake.png", mimeType: "image/png", buffer: await image(1200, 800, "#2266aa") },
    { name: "forest.png", mimeType: "image/png", buffer: await image(800, 1000, "#228844") },
    { name: "agenda.pdf", mimeType: "application/pdf", buffer: pdf },
  ]);
  const pending = page.getByRole("list", { name: "Files to attach" });
  for (const name of ["lake.png", "forest.png", "agenda.pdf"]) {
    await expect(pending.getByRole("progressbar", { name: `Uploading ${name}` })).toBeVisible();
  }
  await screens(page, "41-composer-uploading");
  await expect(pending.getByText("Uploaded")).toHaveCount(3, { timeout: 30_000 });
  await page.unroute("**/api/files/ingest/**");
  // Removed before posting: a fourth file that should not go with the post.
  const chooser2 = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  await (await chooser2).setFiles([{ name: "oops.txt", mimeType: "text/plain", buffer: Buffer.from("oops") }]);
  await expect(pending.getByText("Uploaded")).toHaveCount(4);
  await page.getByRole("button", { name: "Remove oops.txt" }).click();
  await expect(pending.getByRole("listitem")).toHaveCount(3);
  // Refusals, each with a clear reason: a type the server does not take, and a file over the size limit.
  const chooser3 = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Attach files" }).click();
  await (
    await chooser3
  ).setFiles([
    { name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
    { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(26 * 1024 * 1024, 97) },
  ]);
  await expect(
    pending.getByRole("alert").filter({ hasText: "Files of type image/svg+xml are not accepted" }),
  ).toBeVisible();
  await expect(
    pending.getByRole("alert").filter({ hasText: "Too large: files can be at most 25.0 MB." }),
  ).toBeVisible();
  await screens(page, "42a-composer-refused");
  await page.getByRole("button", { name: "Remove logo.svg" }).click();
  await page.getByRole("button", { name: "Remove huge.txt" }).click();
  await expect(pending.getByRole("listitem")).toHaveCount(3);
  await screens(page, "42-composer-uploaded");
  await page.getByRole("button", { name: "Post", exact: true }).click();
  await expect(page.getByRole("link", { name: "Offsite photos" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Files to attach" })).toHaveCount(0); // cleared with the form

  // The thread: each file pending (processing in the background) or already ready, then all ready.
  await page.getByRole("link", { name: "Offsite photos" }).click();
  const attached = page.getByRole("list", { name: "Attached files" });
  await expect(attached.getByRole("listitem")).toHaveCount(3);
  await expect(attached.locator("[data-file-state=ready]")).toHaveCount(3, { timeout: 30_000 });
  await expect(attached.getByRole("img", { name: "lake.png" })).toBeVisible();
  await expect(attached.getByRole("img", { name: "forest.png" })).toBeVisible();
  await expect(attached.getByRole("link", { name: /Download agenda\.pdf/ })).toBeVisible();
  // The thumbnails really loaded (a broken image has no natural width).
  for (const name of ["lake.png", "forest.png"]) {
    await expect
      .poll(() => attached.getByRole("img", { name }).evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  }
  await screens(page, "43-post-with-files");
  const postUrl = page.url();
  const lakeHref = (await attached.getByRole("link", { name: /Open image lake\.png/ }).getAttribute("href")) ?? "";
  expect(errors).toEqual([]);

  // Ben sees them and opens the full image.
  await ben.goto(postUrl);
  const benFiles = ben.getByRole("list", { name: "Attached files" });
  await expect(benFiles.getByRole("img", { name: "lake.png" })).toBeVisible();
  const [full] = await Promise.all([
    benContext.waitForEvent("page"),
    benFiles.getByRole("link", { name: /Open image lake\.png/ }).click(),
  ]);
  await full.waitForLoadState();
  expect(await full.evaluate(() => document.contentType)).toBe("image/png");
  expect(await full.evaluate(() => document.querySelector("img")?.naturalWidth ?? 0)).toBe(1200);
  await screens(ben, "44-post-files-member");
  expect(benErrors).toEqual([]);
  await benContext.close();

  // Someone from another workspace: the file's URL is a 404, as is the post.
  const caraContext = await browser.newContext({ viewport: desktop });
  const cara = await caraContext.newPage();
  await newWorkspace(cara, `Cara ${tag}`, `cara-${stamp}@example.test`, "Elsewhere");
  const res = await cara.request.get(lakeHref, { maxRedirects: 0 });
  expect(res.status()).toBe(404);
  await caraContext.close();
});
