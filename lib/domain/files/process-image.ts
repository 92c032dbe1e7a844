// Image processing with sharp: refuse decompression bombs before decoding, re-encode without metadata (EXIF, GPS)
// after applying the EXIF orientation, and make a thumbnail and a blur placeholder. Pure: bytes in, bytes out; the
// same input always gives the same output, so a retried run cannot produce a second, different result.
import sharp, { type Metadata, type Sharp } from "sharp";

export type ProcessedImage = {
  clean: Buffer;
  thumb: Buffer;
  blurDataUrl: string;
  width: number;
  height: number;
};

export class ImageRefused extends Error {}

export const THUMB_SIZE = 480;

/** HEIC/HEIF is converted (browsers cannot show it); when this sharp build cannot decode it, it is refused. */
export const HEIC_REFUSED = "HEIC images cannot be processed here; export as JPEG";

/** The type the cleaned image is stored and served as. */
export const cleanTypeOf = (type: string) => (type === "image/heic" ? "image/jpeg" : type);

const encode = (image: Sharp, type: string) => {
  switch (type) {
    case "image/jpeg":
      return image.jpeg({ quality: 90, mozjpeg: true });
    case "image/png":
      return image.png({ compressionLevel: 9 });
    case "image/gif":
      return image.gif();
    case "image/webp":
      return image.webp({ quality: 90 });
    default:
      return image.avif({ quality: 60 });
  }
};

export async function processImage(bytes: Uint8Array, type: string, maxPixels: number): Promise<ProcessedImage> {
  let meta: Metadata;
  try {
    // Reads the header only; nothing is decoded yet.
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    if (type === "image/heic") throw new ImageRefused(HEIC_REFUSED);
    throw new ImageRefused(`The image could not be read (${(error as Error).message})`);
  }
  const width = meta.width ?? 0;
  const frameHeight = meta.pageHeight ?? meta.height ?? 0;
  const pixels = width * frameHeight * (meta.pages ?? 1);
  if (!width || !frameHeight) throw new ImageRefused("The image has no dimensions");
  if (pixels > maxPixels) {
    throw new ImageRefused(
      `The image is too large: ${width}×${frameHeight}${meta.pages && meta.pages > 1 ? ` × ${meta.pages} frames` : ""} pixels (at most ${maxPixels.toLocaleString("en")}); it may be a decompression bomb`,
    );
  }
  const animated = type === "image/gif" || type === "image/webp";
  try {
    // failOn "warning" (sharp's default) also refuses truncated data; keep it explicit.
    const input = () => sharp(bytes, { limitInputPixels: maxPixels, failOn: "warning", animated });
    // rotate() without arguments applies the EXIF orientation; sharp writes no metadata unless asked to.
    const clean = await encode(input().rotate(), cleanTypeOf(type)).toBuffer({ resolveWithObject: true });
    const still = () => sharp(clean.data, { limitInputPixels: maxPixels, failOn: "warning" });
    const thumb = await still()
      .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    const blur = await still().resize({ width: 16, height: 16, fit: "inside" }).webp({ quality: 30 }).toBuffer();
    return {
      clean: clean.data,
      thumb,
      blurDataUrl: `data:image/webp;base64,${blur.toString("base64")}`,
      width: clean.info.width,
      height: clean.info.pageHeight ?? clean.info.height,
    };
  } catch (error) {
    // The prebuilt libvips has libheif with AV1 only: an HEVC-coded HEIC (every phone's) fails to decode here.
    if (type === "image/heic") throw new ImageRefused(HEIC_REFUSED);
    throw new ImageRefused(`The image is damaged or truncated (${(error as Error).message})`);
  }
}
