import "server-only";
import type { DbOrTx } from "./db/client";
import type { Prisma } from "./generated/prisma/client";

export const attachmentSelect = {
  id: true,
  key: true,
  workspaceId: true,
  uploaderId: true,
  postId: true,
  commentId: true,
  name: true,
  declaredType: true,
  size: true,
  detectedType: true,
  status: true,
  rejectReason: true,
  width: true,
  height: true,
  blurDataUrl: true,
  variants: true,
  uploadedAt: true,
  processedAt: true,
  createdAt: true,
} as const;

export type AttachmentRow = Prisma.AttachmentGetPayload<{ select: typeof attachmentSelect }>;

export function insertAttachment(
  tx: DbOrTx,
  data: {
    key: string;
    workspaceId: string;
    uploaderId: string;
    name: string;
    declaredType: string | null;
    size?: number;
    uploadedAt?: Date;
    detectedType?: string;
  },
) {
  return tx.attachment.create({ data, select: attachmentSelect });
}

export function findAttachment(db: DbOrTx, id: string) {
  return db.attachment.findUnique({ where: { id }, select: attachmentSelect });
}

export function findAttachments(db: DbOrTx, ids: string[]) {
  return db.attachment.findMany({ where: { id: { in: ids } }, select: attachmentSelect });
}

export function listAttachmentsOf(db: DbOrTx, where: { postId: string; commentId?: string | null }) {
  return db.attachment.findMany({ where, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: attachmentSelect });
}

/** Updates only while the row is still pending: the first result of processing wins, a retry cannot change it. */
export function settlePendingAttachment(
  db: DbOrTx,
  id: string,
  data: Prisma.AttachmentUpdateManyMutationInput & { status: "READY" | "REJECTED" },
) {
  return db.attachment.updateMany({ where: { id, status: "PENDING" }, data });
}

export function updateAttachment(db: DbOrTx, id: string, data: Prisma.AttachmentUpdateManyMutationInput) {
  return db.attachment.update({ where: { id }, data, select: attachmentSelect });
}

export function attachToPost(tx: DbOrTx, ids: string[], target: { postId: string; commentId: string | null }) {
  return tx.attachment.updateMany({ where: { id: { in: ids }, postId: null }, data: target });
}

/** Files never attached to a post or comment and created before `before` (including those of purged posts). */
export function findOrphanAttachments(db: DbOrTx, before: Date, take: number) {
  return db.attachment.findMany({
    where: { postId: null, commentId: null, createdAt: { lt: before } },
    select: { id: true, key: true, variants: true },
    take,
  });
}

export function deleteAttachments(db: DbOrTx, ids: string[]) {
  return db.attachment.deleteMany({ where: { id: { in: ids } } });
}
