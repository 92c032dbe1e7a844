// Uploads checked by content and processed in the background: the real Inngest function through the embedded
// executor, sharp on real images, the disk store in a temp directory.
import { createHash } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.FILE_MAX_BYTES = String(2 * 1024 * 1024);
  process.env.IMAGE_MAX_PIXELS = String(10_000_000);
});

import { loadClaims, sessionActor } from "@/lib/auth/claims";
import { getDb } from "@/lib/data/db/client";
import { fileStore, type FileStore } from "@/lib/data/files/store";
import { processAttachment, storedKeys } from "@/lib/domain/files/process-attachment";
import { receiveUpload, requestUpload } from "@/lib/domain/files/upload";
import { createWorkspaceWithOwner } from "../factories";
import { useEmbeddedRuntime } from "../support/background";
import * as files from "../support/files";

let runtime: ReturnType<typeof useEmbeddedRuntime>;
afterAll(() => runtime.uninstall());

let ctx: Awaited<ReturnType<typeof createWorkspaceWithOwner>>;
let actor: ReturnType<typeof sessionActor>;
beforeAll(async () => {
  runtime = useEmbeddedRuntime();
  ctx = await createWorkspaceWithOwner();
  actor = sessionActor((await loadClaims(ctx.owner.id, "direct-domain-call"))!);
});

async function upload(name: string, type: string | null, bytes: Buffer) {
  const requested = await requestUpload(actor, ctx.workspace.id, { name, size: bytes.length, type });
  return receiveUpload(actor, ctx.workspace.id, requested.id, bytes);
}
const row = async (id: string) => (await getDb()).attachment.findUniqueOrThrow({ where: { id } });
const sha = (b: Uint8Array | null) => (b ? createHash("sha256").update(b).digest("hex") : null);
async function noReadableFile(id: string) {
  const r = await row(id);
  const store = await fileStore();
  for (const key of storedKeys(r)) expect(await store.get(key)).toBeNull();
}

describe("processing an upload", () => {
  it("cleans an image: orientation applied, EXIF and GPS gone, thumbnail and blur placeholder made", async () => {
    const original = await files.jpegWithExif(120, 60);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const sent = await upload("holiday.jpg", "image/jpeg", original);
    expect(sent.status).toBe("PENDING");
    await runtime.drain();
    const r = await row(sent.id);
    expect(r).toMatchObject({ status: "READY", detectedType: "image/jpeg", width: 60, height: 120 });
    expect(r.blurDataUrl).toMatch(/^data:image\/webp;base64,/);
    const store = await fileStore();
    const variants = r.variants as { original: string; thumb: string };
    const clean = (await store.get(variants.original))!;
    const meta = await sharp(clean).metadata();
    expect(meta).toMatchObject({ width: 60, height: 120, format: "jpeg" });
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(clean).includes(Buffer.from("Tidings test"))).toBe(false);
    expect(await sharp((await store.get(variants.thumb))!).metadata()).toMatchObject({ format: "webp" });
    expect(await store.get(r.key)).toBeNull(); // the original, EXIF and all, is gone
  });

  it("accepts a PDF and a text file without previews", async () => {
    const a = await upload("spec.pdf", "application/pdf", files.pdf());
    const b = await upload("notes.md", "text/markdown", Buffer.from("# Notes\n- one\n"));
    await runtime.drain();
    expect(await row(a.id)).toMatchObject({ status: "READY", detectedType: "application/pdf", width: null });
    expect(await row(b.id)).toMatchObject({ status: "READY", detectedType: "text/plain" });
    expect(sha(await (await fileStore()).get((await row(a.id)).key))).toBe(sha(files.pdf()));
  });

  it("refuses a PNG decompression bomb in the background, with the reason, and keeps no file", async () => {
    const bomb = files.pngBomb();
    expect(bomb.length).toBeLessThan(2000);
    const sent = await upload("small.png", "image/png", bomb);
    await runtime.drain();
    const r = await row(sent.id);
    expect(r.status).toBe("REJECTED");
    expect(r.rejectReason).toMatch(/too large: 30000×30000 pixels .*decompression bomb/);
    await noReadableFile(sent.id);
  });

  it("refuses a truncated image", async () => {
    const sent = await upload("cut.jpg", "image/jpeg", await files.truncatedJpeg());
    await runtime.drain();
    const r = await row(sent.id);
    expect(r.status).toBe("REJECTED");
    expect(r.rejectReason).toMatch(/damaged or truncated/);
    await noReadableFile(sent.id);
  });

  it("refuses a truncated PDF", async () => {
    const sent = await upload("cut.pdf", "application/pdf", files.pdf().subarray(0, 60));
    await runtime.drain();
    expect(await row(sent.id)).toMatchObject({ status: "REJECTED", rejectReason: "The PDF is truncated" });
    await noReadableFile(sent.id);
  });
});

describe("HEIC", () => {
  it("converts a HEIC it can decode to JPEG, served without its EXIF or location", async () => {
    const heic = await files.heicWithGps();
    expect((await sharp(heic).metadata()).exif).toBeDefined();
    const sent = await upload("IMG_0001.HEIC", "image/heic", heic);
    await runtime.drain();
    const r = await row(sent.id);
    expect(r).toMatchObject({ status: "READY", detectedType: "image/jpeg", name: "IMG_0001.jpg", width: 40 });
    const store = await fileStore();
    const clean = (await store.get((r.variants as { original: string }).original))!;
    const meta = await sharp(clean).metadata();
    expect(meta.format).toBe("jpeg");
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(clean).includes(Buffer.from("Tidings test"))).toBe(false);
    expect(await store.get(r.key)).toBeNull(); // the HEIC original, GPS and all, is gone
  });

  it("refuses a HEIC it cannot decode with a clear reason, and keeps no file", async () => {
    const sent = await upload("IMG_0002.heic", "image/heic", await files.heicHevc());
    await runtime.drain();
    expect(await row(sent.id)).toMatchObject({
      status: "REJECTED",
      rejectReason: "HEIC images cannot be processed here; export as JPEG",
    });
    await noReadableFile(sent.id);
  });
});

describe("refused when the bytes arrive", () => {
  it.each([
    ["a renamed executable", "cat.png", "image/png", files.elfExecutable, /not accepted \(application\/x-elf/],
    [
      "a wrong declared type",
      "photo.jpg",
      "image/jpeg",
      () => files.png(),
      /declared as image\/jpeg but its content is image\/png/,
    ],
    ["an SVG with a script", "logo.txt", "text/plain", files.svgWithScript, /SVG, HTML and XML files are not accepted/],
  ] as const)("%s", async (_, name, type, make, reason) => {
    const bytes = await make();
    const requested = await requestUpload(actor, ctx.workspace.id, { name, size: bytes.length, type });
    await expect(receiveUpload(actor, ctx.workspace.id, requested.id, bytes)).rejects.toMatchObject({
      code: "UNSUPPORTED_MEDIA_TYPE",
      message: expect.stringMatching(reason),
    });
    expect(await row(requested.id)).toMatchObject({ status: "REJECTED", rejectReason: expect.stringMatching(reason) });
    await noReadableFile(requested.id);
  });

  it("an oversize file, declared or not", async () => {
    await expect(
      requestUpload(actor, ctx.workspace.id, { name: "big.txt", size: 2 * 1024 * 1024 + 1, type: "text/plain" }),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "Files can be at most 2 MB" });
    const requested = await requestUpload(actor, ctx.workspace.id, { name: "big.txt", size: 10, type: "text/plain" });
    await expect(
      receiveUpload(actor, ctx.workspace.id, requested.id, Buffer.alloc(2 * 1024 * 1024 + 1, "a")),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    await noReadableFile(requested.id);
  });

  it("SVG and HTML declared up front", async () => {
    await expect(
      requestUpload(actor, ctx.workspace.id, { name: "x.svg", size: 10, type: "image/svg+xml" }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
  });
});

describe("a worker killed mid-processing", () => {
  it("leaves the attachment pending; the retry finishes it with the same result as an uninterrupted run", async () => {
    const bytes = await files.jpegWithExif(200, 100);
    const calm = await upload("a.jpg", "image/jpeg", bytes);
    await runtime.drain();

    const store = await fileStore();
    let puts = 0;
    const dying: FileStore = {
      ...store,
      put: async (key, body, meta) => {
        if (++puts === 2) throw new Error("worker killed"); // after the clean image, before the thumbnail
        return store.put(key, body, meta);
      },
    };
    const requested = await requestUpload(actor, ctx.workspace.id, {
      name: "b.jpg",
      size: bytes.length,
      type: "image/jpeg",
    });
    // Bytes stored without the relay running yet: process by hand, dying half-way.
    runtime.uninstall();
    const sent = await receiveUpload(actor, ctx.workspace.id, requested.id, bytes);
    await expect(processAttachment(sent.id, { store: dying })).rejects.toThrow("worker killed");
    expect((await row(sent.id)).status).toBe("PENDING");
    expect(await store.get((await row(sent.id)).key)).not.toBeNull(); // no file lost

    // The retry (here the real function, as the outbox relays the event) finishes it.
    runtime = useEmbeddedRuntime();
    await runtime.drain();
    const [a, b] = [await row(calm.id), await row(sent.id)];
    expect(b).toMatchObject({ status: "READY", width: a.width, height: a.height, blurDataUrl: a.blurDataUrl });
    const va = a.variants as { original: string; thumb: string };
    const vb = b.variants as { original: string; thumb: string };
    expect(sha(await store.get(vb.original))).toBe(sha(await store.get(va.original)));
    expect(sha(await store.get(vb.thumb))).toBe(sha(await store.get(va.thumb)));

    // A late duplicate delivery changes nothing.
    expect(await processAttachment(sent.id)).toEqual({ status: "READY" });
    expect((await row(sent.id)).processedAt).toEqual(b.processedAt);
  });
});
