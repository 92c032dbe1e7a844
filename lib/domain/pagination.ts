// Opaque keyset cursors over (createdAt, id): stable under inserts, unlike offsets.
import { AppError } from "@/lib/errors";

export type Keyset = { createdAt: Date; id: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export const encodeCursor = (k: Keyset) => Buffer.from(JSON.stringify([k.createdAt.toISOString(), k.id])).toString("base64url");

export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      const createdAt = new Date(parsed[0]);
      if (!Number.isNaN(createdAt.getTime())) return { createdAt, id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not one this API issued", [{ path: "cursor", message: "invalid cursor" }]);
}

/** Fetches limit+1 rows to know whether another page exists. */
export async function paginate<T extends Keyset>(limit: number, fetch: (take: number) => Promise<T[]>): Promise<Page<T>> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}
