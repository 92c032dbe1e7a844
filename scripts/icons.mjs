// Renders the PNG icons in public/ from app/icon.svg (run once after changing the icon: node scripts/icons.mjs).
// sharp comes with Next (its image optimiser). The apple-touch icon is full-bleed: iOS rounds the corners itself.
import { readFile } from "node:fs/promises";
import sharp from "sharp";

const svg = await readFile(new URL("../app/icon.svg", import.meta.url), "utf8");
const fullBleed = svg.replace(/ rx="[^"]*"/, "");
const out = (name) => new URL(`../public/${name}`, import.meta.url).pathname;

for (const [source, size, name] of [
  [svg, 192, "icon-192.png"],
  [svg, 512, "icon-512.png"],
  [fullBleed, 180, "apple-touch-icon.png"],
]) {
  await sharp(Buffer.from(source), { density: (72 * size) / 32 })
    .resize(size, size)
    .png()
    .toFile(out(name));
  console.log(`public/${name} (${size}×${size})`);
}
