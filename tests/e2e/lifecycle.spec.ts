// A message's lifecycle in Chromium: edit a comment (marked edited, its history one click away), delete it, delete a
// post and restore it from "Recently deleted". Screens pass axe at both sizes.
import { expect, test } from "@playwright/test";
import { desktop, fillSignUp, screens, watchConsole } from "./support";

test("edit and delete a comment, see a post's history, restore a deleted post", async ({ page }) => {
  const errors = watchConsole(page);
  await page.setViewportSize(desktop);
  await page.goto("/signup");
  await fillSignUp(page, "Dorothy Vaughan", `dorothy-${Date.now()}@example.test`);
  await expect(page).toHaveURL(/\/w$/);
  await page.getByLabel("Workspace name").fill("Computing Pool");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  await page.getByLabel("Title").fill("FORTRAN class");
  await page.getByLabel("Body").fill("Monday at nine.");
  await page.getByLabel("Body").press("Control+Enter");
  await page.getByRole("link", { name: "FORTRAN class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "FORTRAN class" })).toBeVisible();
  const postUrl = page.url();

  // A comment, edited: marked, with its history.
  await page.getByRole("textbox", { name: "Add a comment" }).fill("Bring the manual");
  await page.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(page.getByText("Bring the manual")).toBeVisible();
  await page.getByRole("link", { name: "Edit your comment" }).click();
  const editor = page.getByRole("form", { name: "Edit comment" });
  await editor.getByLabel("Comment").fill("Bring the manual and a pencil");
  await editor.getByRole("button", { name: "Save comment" }).click();
  await expect(page.getByText("Bring the manual and a pencil")).toBeVisible();
  await page.getByRole("link", { name: "(edited)" }).click();
  await expect(page.getByRole("heading", { name: "Edit history of this comment" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Version 1/ })).toBeVisible();
  await expect(page.getByText("Bring the manual", { exact: true })).toBeVisible();
  await screens(page, "90-comment-history");

  // Deleted: gone from the thread.
  await page.goto(postUrl);
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete Dorothy Vaughan's comment" }).click();
  await expect(page.getByText("Bring the manual and a pencil")).toHaveCount(0);
  await expect(page.getByText("No comments yet.")).toBeVisible();

  // The post deleted, then restored from Recently deleted.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /general/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "FORTRAN class" })).toHaveCount(0);
  await page.getByRole("link", { name: "Recently deleted" }).click();
  const deleted = page.getByRole("list", { name: "Deleted posts" });
  await expect(deleted).toContainText("FORTRAN class");
  await screens(page, "91-recently-deleted");
  await deleted.getByRole("button", { name: "Restore FORTRAN class" }).click();
  await expect(page.getByText("Nothing was deleted lately.")).toBeVisible();
  await page.goto(postUrl);
  await expect(page.getByRole("heading", { level: 1, name: "FORTRAN class" })).toBeVisible();
  expect(errors).toEqual([]);
});
