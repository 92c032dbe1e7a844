// Delivery: who may fetch a file (whoever can see its post; the uploader while it is unattached), answered with a
// short-lived signed URL of the store. Images also come resized on request, from a bounded set of widths, formats
// and qualities, made once with sharp and kept in the store. Pending and rejected files are never served.
import sharp from "sharp";
import { findAttachment, type AttachmentRow } from "@/lib/data/attachments";
import { getDb } from "@/lib/data/db/client";
import type { DiskStore } from "@/lib/data/files/disk";
import { fileStore, type FileStore } from "@/lib/data/files/store";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { transformFormats, type FileUrlQuery } from "@/lib/validation/files";
import type { Actor } from "../actor";
import { getPostWithChannelOrThrow } from "../posts/get-post";
import { imageTypes, safeFileName } from "./inspect";
import type { Variants } from "./process-attachment";
import { presentAttachment } from "./upload";

const mimeOf: Record<(typeof transformFormats)[number], string> = {
  webp: "image/webp",
  avif: "image/avif",
  jpeg: "image/jpeg",
  png: "image/png",
};

/** The attachment, if the actor may see it; anything else is "not found" (no hint that it exists). */
export async function getVisibleAttachmentOrThrow(actor: Actor, fileId: string, workspaceId?: string) {
  const row = await findAttachment(await getDb(), fileId);
  if (!row || (workspaceId && row.workspaceId !== workspaceId)) throw notFound("File");
  if (row.postId) {
    await getPostWithChannelOrThrow(actor, row.workspaceId, row.postId).catch(() => {
      throw notFound("File");
    });
  } else if (row.uploaderId !== actor.userId || !actor.roles[row.workspaceId]) {
    throw notFound("File");
  }
  return row;
}

export async function fileUrl(actor: Actor, fileId: string, query: FileUrlQuery, workspaceId?: string) {
  const row = await getVisibleAttachmentOrThrow(actor, fileId, workspaceId);
  if (row.status !== "READY") throw notFound("File"); // never served before it is checked, nor after a refusal
  const store = await fileStore();
  const target = await resolveTarget(store, row, query);
  const expiresIn = env.FILE_URL_TTL_SECONDS;
  const url = await store.signedUrl(target.key, { expiresIn, ...target });
  return { url, expiresAt: new Date(Date.now() + expiresIn * 1000) };
}

async function resolveTarget(store: FileStore, row: AttachmentRow, query: FileUrlQuery) {
  const type = row.detectedType ?? "application/octet-stream";
  const variants = (row.variants ?? {}) as Variants;
  const isImage = imageTypes.has(type) && variants.original;
  const base = { name: safeFileName(row.name) };
  if (query.width || query.format || query.quality) {
    if (!isImage) throw new AppError("VALIDATION_FAILED", "Only images can be transformed");
    const width = query.width ?? 1280;
    const format = query.format ?? "webp";
    const quality = query.quality ?? 75;
    const key = `${row.key}.w${width}q${quality}.${format}`;
    if (!(await exists(store, key))) {
      const original = await store.get(variants.original!);
      if (!original) throw notFound("File");
      const out = await sharp(original, { limitInputPixels: env.IMAGE_MAX_PIXELS })
        .resize({ width, withoutEnlargement: true })
        .toFormat(format, { quality })
        .toBuffer();
      await store.put(key, out, { name: `${row.name}.${format}`, type: mimeOf[format] });
    }
    return { ...base, key, type: mimeOf[format], disposition: inlineUnless(query) };
  }
  if (query.variant === "thumb") {
    if (!variants.thumb) throw notFound("Thumbnail");
    return { ...base, key: variants.thumb, type: "image/webp", disposition: inlineUnless(query) };
  }
  if (isImage) return { ...base, key: variants.original!, type, disposition: inlineUnless(query) };
  // Anything not made by us (PDF, text) is only ever downloaded, never rendered in the app's origin.
  const served = type === "text/plain" ? "text/plain; charset=utf-8" : type;
  return { ...base, key: row.key, type: served, disposition: "attachment" as const };
}

const inlineUnless = (q: FileUrlQuery) => (q.download ? ("attachment" as const) : ("inline" as const));

async function exists(store: FileStore, key: string) {
  const s = await store.stream(key, { start: 0, end: 0 });
  if (!s) return false;
  await s.body.cancel();
  return true;
}

export type BlobResponse =
  | { ok: false; status: 403 | 404 | 416; message: string }
  | {
      ok: true;
      status: 200 | 206;
      body: ReadableStream<Uint8Array>;
      headers: Record<string, string>;
    };

/** The disk store's signed URLs land here: check signature and expiry, then stream (ranges included). */
export async function openSignedBlob(key: string, params: URLSearchParams, rangeHeader: string | null) {
  const store = await fileStore();
  if (store.name !== "disk") return { ok: false, status: 404, message: "Not found" } satisfies BlobResponse;
  const check = (store as DiskStore).verifySignedUrl(key, params);
  if (!check.ok) {
    const message = check.reason === "expired" ? "This link has expired" : "This link is not valid";
    return { ok: false, status: 403, message } satisfies BlobResponse;
  }
  const head = await store.stream(key, { start: 0, end: 0 });
  if (!head) return { ok: false, status: 404, message: "Not found" } satisfies BlobResponse;
  await head.body.cancel();
  const size = head.size;
  const range = parseRange(rangeHeader, size);
  if (range === "unsatisfiable")
    return { ok: false, status: 416, message: "Range not satisfiable" } satisfies BlobResponse;
  const opened = (await store.stream(key, range ?? undefined))!;
  const remaining = Math.max(0, Number(params.get("exp")) - Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": check.type,
    "content-disposition": contentDisposition(check.disposition, check.name),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cache-control": `private, max-age=${remaining}`,
    "accept-ranges": "bytes",
    "content-length": String(range ? range.end - range.start + 1 : size),
  };
  if (range) headers["content-range"] = `bytes ${range.start}-${range.end}/${size}`;
  return { ok: true, status: range ? 206 : 200, body: opened.body, headers } satisfies BlobResponse;
}

/** One range `bytes=a-b`, `bytes=a-` or `bytes=-n`; anything else is served whole (as RFC 9110 allows). */
export function parseRange(header: string | null, size: number) {
  const m = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number, end: number;
  if (m[1] === "") {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable" as const;
  return { start, end };
}

export function contentDisposition(kind: "attachment" | "inline", name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

export async function getFile(actor: Actor, workspaceId: string, fileId: string) {
  return presentAttachment(await getVisibleAttachmentOrThrow(actor, fileId, workspaceId));
}
