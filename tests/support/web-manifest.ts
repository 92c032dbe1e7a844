// What public/manifest.webmanifest must be for a phone to install Tidings, and how to read a PNG's size; used by
// the integration check of public/ and the e2e check of what the built app serves.
import { z } from "zod";

export const webManifestSchema = z.object({
  name: z.literal("Tidings"),
  short_name: z.string().min(1).max(12),
  start_url: z.literal("/"),
  display: z.literal("standalone"),
  theme_color: z.string().regex(/^#[0-9a-f]{6}$/i),
  background_color: z.string().regex(/^#[0-9a-f]{6}$/i),
  icons: z
    .array(
      z.object({ src: z.string().startsWith("/"), sizes: z.string().regex(/^\d+x\d+$/), type: z.literal("image/png") }),
    )
    .min(2),
});

/** `WxH` from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") return undefined;
  if (bytes.subarray(12, 16).toString("ascii") !== "IHDR") return undefined;
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}
