// Processes an uploaded file once its bytes are in the store (the `file/uploaded` event): checks the real type,
// refuses bombs and damaged files, strips metadata, makes the previews, and settles the attachment READY or REJECTED.
// Idempotent: derived files have fixed keys and are made from the untouched original, and only a PENDING row can be
// settled, so a run killed half-way leaves the row PENDING and the retry finishes it with the same result.
import { getDb } from "@/lib/data/db/client";
import { findAttachment, settlePendingAttachment, type AttachmentRow } from "@/lib/data/attachments";
import { fileStore, type FileStore } from "@/lib/data/files/store";
import { transaction } from "@/lib/data/db/transaction";
import { env } from "@/lib/env";
import { recordEvent } from "@/lib/outbox/record";
import { imageTypes, inspectContent } from "./inspect";
import { cleanTypeOf, ImageRefused, processImage } from "./process-image";

export type Variants = { original?: string; thumb?: string };

export const variantKeys = (key: string) => ({ clean: `${key}.clean`, thumb: `${key}.thumb` });

/** Every store key an attachment may occupy (the original and each derived file). */
export const storedKeys = (row: Pick<AttachmentRow, "key">) => [row.key, ...Object.values(variantKeys(row.key))];

export type ProcessResult = { status: "READY" | "REJECTED" | "PENDING" | "MISSING"; reason?: string };

export async function processAttachment(id: string, deps: { store?: FileStore } = {}): Promise<ProcessResult> {
  const store = deps.store ?? (await fileStore());
  const db = await getDb();
  const row = await findAttachment(db, id);
  if (!row) return { status: "MISSING" };
  if (row.status !== "PENDING") {
    await tidy(store, row);
    return { status: row.status, ...(row.rejectReason ? { reason: row.rejectReason } : {}) };
  }
  const bytes = await store.get(row.key);
  if (!bytes) {
    if (!row.uploadedAt) return { status: "PENDING" }; // nothing sent yet
    return reject(store, row, "The file's content is missing");
  }
  if (bytes.length > env.FILE_MAX_BYTES) {
    return reject(store, row, `The file is larger than ${formatBytes(env.FILE_MAX_BYTES)}`);
  }
  const inspection = await inspectContent(bytes, row.declaredType);
  if (!inspection.ok) return reject(store, row, inspection.reason);
  const type = inspection.type;

  if (type === "application/pdf" && !looksComplete(bytes)) return reject(store, row, "The PDF is truncated");

  let image;
  // HEIC is an image too, but only served once converted to JPEG (which drops its EXIF, location included).
  if (imageTypes.has(type) || type === "image/heic") {
    try {
      image = await processImage(bytes, type, env.IMAGE_MAX_PIXELS);
    } catch (error) {
      if (error instanceof ImageRefused) return reject(store, row, error.message);
      throw error;
    }
    const keys = variantKeys(row.key);
    await store.put(keys.clean, image.clean, { name: row.name, type: cleanTypeOf(type) });
    await store.put(keys.thumb, image.thumb, { name: `${row.name}.webp`, type: "image/webp" });
  }
  const variants: Variants = image ? { original: variantKeys(row.key).clean, thumb: variantKeys(row.key).thumb } : {};
  const processed = image;
  // Settled and announced together: `file/ready` (webhooks) is recorded only by the run that settled it.
  await transaction(db, async (tx) => {
    const { count } = await settlePendingAttachment(tx, row.id, {
      status: "READY",
      detectedType: processed ? cleanTypeOf(type) : type,
      ...(processed && cleanTypeOf(type) !== type ? { name: convertedName(row.name) } : {}),
      size: bytes.length,
      width: processed?.width ?? null,
      height: processed?.height ?? null,
      blurDataUrl: processed?.blurDataUrl ?? null,
      variants,
      processedAt: new Date(),
    });
    if (count === 1) await recordEvent(tx, "file/ready", { attachmentId: row.id, workspaceId: row.workspaceId });
  });
  const settled = (await findAttachment(db, row.id))!;
  await tidy(store, settled);
  return { status: settled.status, ...(settled.rejectReason ? { reason: settled.rejectReason } : {}) };
}

async function reject(store: FileStore, row: AttachmentRow, reason: string): Promise<ProcessResult> {
  const db = await getDb();
  await settlePendingAttachment(db, row.id, { status: "REJECTED", rejectReason: reason, processedAt: new Date() });
  const settled = (await findAttachment(db, row.id))!;
  await tidy(store, settled);
  return { status: settled.status, ...(settled.rejectReason ? { reason: settled.rejectReason } : {}) };
}

/** After settling: a rejected file leaves nothing readable; a cleaned image drops its original (EXIF and all). */
async function tidy(store: FileStore, row: AttachmentRow) {
  if (row.status === "REJECTED") await store.delete(storedKeys(row));
  const variants = (row.variants ?? {}) as Variants;
  if (row.status === "READY" && variants.original && variants.original !== row.key) await store.delete([row.key]);
}

const convertedName = (name: string) => `${name.replace(/\.(heic|heif)$/i, "")}.jpg`;

/** A PDF ends with %%EOF (followed by at most some whitespace); one cut short does not. */
function looksComplete(bytes: Uint8Array) {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString("latin1");
  return /%%EOF\s*$/.test(tail);
}

export function formatBytes(n: number) {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.round(n / 1024)} KB`;
}
