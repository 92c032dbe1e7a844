// MailMessage rows: every email handed to a transport, keyed by its idempotency key.
import "server-only";
import { isUniqueViolation, type DbOrTx } from "../db/client";

export function findMailByKey(db: DbOrTx, idempotencyKey: string) {
  return db.mailMessage.findUnique({ where: { idempotencyKey }, select: { id: true, providerId: true } });
}

/** Inserts once per key; returns the existing row (duplicate: true) when the key was already recorded. */
export async function recordMail(
  db: DbOrTx,
  data: {
    idempotencyKey: string;
    transport: string;
    to: string;
    subject: string;
    html: string;
    text: string;
    providerId?: string | null;
  },
) {
  try {
    const row = await db.mailMessage.create({ data, select: { id: true } });
    return { id: row.id, duplicate: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await findMailByKey(db, data.idempotencyKey);
    if (!existing) throw error;
    return { id: existing.id, duplicate: true };
  }
}

export function listMail(db: DbOrTx, limit = 50) {
  return db.mailMessage.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, to: true, subject: true, html: true, text: true, transport: true, createdAt: true },
  });
}

export function listMailTo(db: DbOrTx, to: string) {
  return db.mailMessage.findMany({
    where: { to },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, to: true, subject: true, html: true, text: true, idempotencyKey: true, createdAt: true },
  });
}
