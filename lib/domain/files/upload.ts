// Uploads: ask for an upload (a PENDING attachment), send the bytes (checked by content, stored, then processed in
// the background through the `file/uploaded` event), or register a file the UploadThing ingest already stored.
import { randomBytes } from "node:crypto";
import { findAttachment, insertAttachment, updateAttachment, type AttachmentRow } from "@/lib/data/attachments";
import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { fileStore } from "@/lib/data/files/store";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { recordEvent } from "@/lib/outbox/record";
import type { Actor } from "../actor";
import { canViewWorkspace } from "../policy";
import { allowedTypes, inspectContent, safeFileName } from "./inspect";
import { formatBytes, storedKeys } from "./process-attachment";
import { transaction } from "@/lib/data/db/transaction";

export const newFileKey = () => `f_${randomBytes(16).toString("base64url")}`;

/** What an API client or the thread sees of an attachment. */
export function presentAttachment(row: AttachmentRow) {
  return {
    id: row.id,
    name: row.name,
    size: row.size,
    type: row.detectedType ?? row.declaredType ?? "application/octet-stream",
    status: row.status,
    rejectReason: row.rejectReason,
    width: row.width,
    height: row.height,
    blurDataUrl: row.blurDataUrl,
    postId: row.postId,
    commentId: row.commentId,
    createdAt: row.createdAt,
  };
}
export type AttachmentView = ReturnType<typeof presentAttachment>;

function assertCanUpload(actor: Actor, workspaceId: string) {
  if (!canViewWorkspace(actor, workspaceId)) throw notFound("Workspace");
}

/** Refuses what the limits or the declared type already rule out, before any byte is sent. */
export function checkDeclared(input: { size: number; type?: string | null }) {
  if (input.size > env.FILE_MAX_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `Files can be at most ${formatBytes(env.FILE_MAX_BYTES)}`, {
      maxBytes: env.FILE_MAX_BYTES,
    });
  }
  const type = input.type?.split(";")[0]?.trim().toLowerCase();
  if (type && !isAcceptableDeclaredType(type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", `Files of type ${type} are not accepted`, { allowedTypes });
  }
}

const isAcceptableDeclaredType = (type: string) =>
  (allowedTypes as readonly string[]).includes(type) ||
  type.startsWith("text/") ||
  ["application/octet-stream", "image/jpg", "image/heif"].includes(type);

export async function requestUpload(
  actor: Actor,
  workspaceId: string,
  input: { name: string; size: number; type?: string | null },
) {
  assertCanUpload(actor, workspaceId);
  checkDeclared(input);
  if (input.type && /^(text\/html|image\/svg)/i.test(input.type)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "SVG, HTML and XML files are not accepted");
  }
  // In a transaction, so a write sent with an Idempotency-Key makes one attachment however often it is retried.
  const row = await transaction(await getDb(), (tx) =>
    insertAttachment(tx, {
      key: newFileKey(),
      workspaceId,
      uploaderId: actor.userId,
      name: safeFileName(input.name),
      declaredType: input.type ?? null,
      size: input.size,
    }),
  );
  return presentAttachment(row);
}

/** The bytes of a requested upload: checked by content at once (a refusal leaves nothing stored), then processed. */
export async function receiveUpload(actor: Actor, workspaceId: string, attachmentId: string, bytes: Uint8Array) {
  assertCanUpload(actor, workspaceId);
  const db = await getDb();
  const row = await findAttachment(db, attachmentId);
  if (!row || row.workspaceId !== workspaceId || row.uploaderId !== actor.userId) throw notFound("File");
  if (row.uploadedAt || row.status !== "PENDING")
    throw new AppError("CONFLICT", "This file's content was already sent");
  const refuse = async (code: "PAYLOAD_TOO_LARGE" | "UNSUPPORTED_MEDIA_TYPE", reason: string) => {
    await updateAttachment(db, row.id, { status: "REJECTED", rejectReason: reason, processedAt: new Date() });
    await (await fileStore()).delete(storedKeys(row));
    return new AppError(code, reason);
  };
  if (bytes.length > env.FILE_MAX_BYTES) {
    throw await refuse("PAYLOAD_TOO_LARGE", `Files can be at most ${formatBytes(env.FILE_MAX_BYTES)}`);
  }
  const inspection = await inspectContent(bytes, row.declaredType);
  if (!inspection.ok) throw await refuse("UNSUPPORTED_MEDIA_TYPE", inspection.reason);
  await (await fileStore()).put(row.key, bytes, { name: row.name, type: inspection.type });
  const updated = await transaction(db, async (tx) => {
    const r = await updateAttachment(tx, row.id, {
      size: bytes.length,
      detectedType: inspection.type,
      uploadedAt: new Date(),
    });
    await recordEvent(tx, "file/uploaded", { attachmentId: r.id, workspaceId });
    return r;
  });
  return presentAttachment(updated);
}

/** A file the UploadThing ingest (managed or the local stand-in) stored under `key`: record it and process it. */
export async function registerStoredUpload(
  uploader: { userId: string; workspaceId: string },
  file: { key: string; name: string; size: number; type: string },
  db?: DbOrTx,
) {
  const client = db ?? (await getDb());
  const existing = await client.attachment.findUnique({ where: { key: file.key }, select: { id: true } });
  if (existing) return presentAttachment((await findAttachment(client, existing.id))!); // a re-delivered callback
  return transaction(await getDb(), async (tx) => {
    const row = await insertAttachment(tx, {
      key: file.key,
      workspaceId: uploader.workspaceId,
      uploaderId: uploader.userId,
      name: safeFileName(file.name),
      declaredType: file.type || null,
      size: file.size,
      uploadedAt: new Date(),
    });
    await recordEvent(tx, "file/uploaded", { attachmentId: row.id, workspaceId: uploader.workspaceId });
    return presentAttachment(row);
  });
}
