// public/ on disk: the web app manifest is valid and every icon it names is a PNG of its stated size; robots.txt
// keeps crawlers out of the private areas. (What the built app serves: tests/e2e/static-assets.spec.ts.)
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pngSize, webManifestSchema } from "../support/web-manifest";

const file = (path: string) => readFileSync(new URL(`../../public${path}`, import.meta.url));

describe("public/", () => {
  it("holds a valid manifest whose icons exist at their stated sizes, and the apple-touch icon", () => {
    const manifest = webManifestSchema.parse(JSON.parse(file("/manifest.webmanifest").toString("utf8")));
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    for (const icon of manifest.icons) expect(pngSize(file(icon.src)), icon.src).toBe(icon.sizes);
    expect(pngSize(file("/apple-touch-icon.png"))).toBe("180x180");
  });

  it("robots.txt disallows the private areas", () => {
    const rules = file("/robots.txt").toString("utf8").split("\n");
    expect(rules).toContain("User-agent: *");
    for (const path of ["/w/", "/settings", "/api/", "/dev/"]) expect(rules).toContain(`Disallow: ${path}`);
  });

  it("the root layout links the manifest and the apple-touch icon, and the favicon stays", async () => {
    const { metadata } = await import("@/app/layout");
    expect(metadata.manifest).toBe("/manifest.webmanifest");
    expect(metadata.icons).toMatchObject({ apple: "/apple-touch-icon.png" });
    file(String(metadata.manifest)); // served from public/
    expect(existsSync(new URL("../../app/favicon.ico", import.meta.url))).toBe(true);
  });
});
