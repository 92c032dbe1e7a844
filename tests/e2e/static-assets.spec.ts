// public/ as the built app serves it: the web app manifest (installable on a phone's home screen), the icons it
// names, robots.txt, and the links in every page's head (manifest, favicon, apple-touch icon).
import { expect, test, type APIRequestContext } from "@playwright/test";
import { pngSize, webManifestSchema } from "../support/web-manifest";

async function png(request: APIRequestContext, path: string) {
  const res = await request.get(path);
  expect(res.status(), path).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/png");
  return pngSize(await res.body());
}

test("the manifest is served, valid, and every icon it names exists at its stated size", async ({ request }) => {
  const res = await request.get("/manifest.webmanifest");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^application\/manifest\+json/);
  const manifest = webManifestSchema.parse(await res.json());
  expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) expect(await png(request, icon.src), icon.src).toBe(icon.sizes);
  expect(await png(request, "/apple-touch-icon.png")).toBe("180x180");
});

test("robots.txt keeps crawlers out of the private areas", async ({ request }) => {
  const res = await request.get("/robots.txt");
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toMatch(/^text\/plain/);
  const rules = (await res.text()).split("\n").map((l) => l.trim());
  expect(rules).toContain("User-agent: *");
  for (const path of ["/w/", "/settings", "/api/", "/dev/"]) expect(rules).toContain(`Disallow: ${path}`);
  expect(rules).toContain("Allow: /signin");
});

test("every page links the manifest, the favicon and the apple-touch icon", async ({ page, request }) => {
  await page.goto("/signin");
  const head = page.locator("head");
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(head.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /^\/apple-touch-icon\.png/);
  const favicons = await head.locator('link[rel="icon"]').evaluateAll((ls) => ls.map((l) => l.getAttribute("href")));
  expect(favicons.length).toBeGreaterThan(0);
  for (const href of favicons) expect((await request.get(href!)).status(), href!).toBe(200);
});
