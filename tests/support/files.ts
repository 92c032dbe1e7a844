// Test files made on the spot: real images from sharp, and the hostile ones (a PNG bomb, a truncated JPEG, an ELF
// executable, an SVG with a script).
import * as zlibSync from "node:zlib";
import sharp from "sharp";

export const png = (width = 64, height = 48, background = "#3366cc") =>
  sharp({ create: { width, height, channels: 3, background } })
    .png()
    .toBuffer();

/** A noisy JPEG (so it does not compress to nothing) with EXIF orientation 6 (rotate 90°) and GPS coordinates. */
export async function jpegWithExif(width = 120, height = 60) {
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919) % 251;
  return sharp(noise, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 80 })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Copyright: "Tidings test" },
      IFD3: {
        GPSLatitudeRef: "N",
        GPSLatitude: "48/1 51/1 2952/100",
        GPSLongitudeRef: "E",
        GPSLongitude: "2/1 17/1 4020/100",
      },
    })
    .toBuffer();
}

/** A valid PNG whose header claims width × height pixels: a few hundred bytes that would decode to gigabytes. */
export function pngBomb(width = 30_000, height = 30_000) {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlibSync.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  // One row of zeros, deflated; the decoder would have to inflate width × height bytes.
  const idat = zlibSync.deflateSync(Buffer.alloc(width + 1));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", idat),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export async function truncatedJpeg() {
  const full = await jpegWithExif(400, 300);
  return full.subarray(0, Math.floor(full.length * 0.6));
}

export const elfExecutable = () =>
  Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56), Buffer.from("payload")]);

export const svgWithScript = () =>
  Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>');

export const pdf = () =>
  Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );

/** A HEIF file branded `heic` with GPS EXIF. This sharp build cannot encode HEVC, so the image inside is AV1 (which
 * it decodes); the brand is what makes it a HEIC to `file-type` and to the pipeline. */
export async function heicWithGps(width = 40, height = 20) {
  const avif = await sharp({ create: { width, height, channels: 3, background: "#cc3366" } })
    .heif({ compression: "av1" })
    .withExif({
      IFD0: { Copyright: "Tidings test" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "48/1 51/1 2952/100" },
    })
    .toBuffer();
  const heic = Buffer.from(avif);
  // The ftyp box's major and compatible brands, all within its first few dozen bytes.
  for (let i = heic.indexOf("avif", 8, "latin1"); i >= 0 && i < 40; i = heic.indexOf("avif", i + 4, "latin1")) {
    heic.write("heic", i, "latin1");
  }
  return heic;
}

/** A HEIC whose image is coded as HEVC (what phones write): this sharp build has no HEVC decoder. */
export async function heicHevc() {
  const heic = await heicWithGps();
  for (let i = heic.indexOf("av01", 0, "latin1"); i >= 0; i = heic.indexOf("av01", i + 4, "latin1")) {
    heic.write("hvc1", i, "latin1");
  }
  return heic;
}
