// Opaque keyset cursors: stable under inserts, unlike offsets. Lists by time use (createdAt, id); lists by name use
// (name, id). A cursor holds the last row's sort key, so the next page starts after it even if that row is gone.
import { AppError } from "@/lib/errors";
import { id } from "@/lib/validation/common";

export type Keyset = { createdAt: Date; id: string };
export type Page<T> = { items: T[]; nextCursor: string | null };

export const encodeCursor = (k: Keyset) =>
  Buffer.from(JSON.stringify([k.createdAt.toISOString(), k.id])).toString("base64url");

/** A cursor's parts go into a query, so they are held to what encodeCursor writes: a row id, and a time in years
 *  1–9999 (JavaScript dates reach years -271821 to 275760; Postgres cannot take the years before 1 as sent). */
export function decodeCursor(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string") {
      const createdAt = new Date(parsed[0]);
      const year = createdAt.getUTCFullYear(); // NaN for an invalid date
      const rowId = id.safeParse(parsed[1]);
      if (year >= 1 && year <= 9999 && rowId.success) return { createdAt, id: rowId.data };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not one this API issued", [
    { path: "cursor", message: "invalid cursor" },
  ]);
}

/** Fetches limit+1 rows to know whether another page exists. */
export async function paginate<T extends Keyset>(
  limit: number,
  fetch: (take: number) => Promise<T[]>,
): Promise<Page<T>> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/** A list sorted by a text key (a name) and then the row id, both ascending. */
export type NameKeyset = { name: string; id: string };

export const encodeNameCursor = (k: NameKeyset) =>
  Buffer.from(JSON.stringify(["n", k.name, k.id])).toString("base64url");

export function decodeNameCursor(cursor: string | undefined): NameKeyset | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed.length === 3 && parsed[0] === "n" && typeof parsed[1] === "string") {
      const rowId = id.safeParse(parsed[2]);
      if (parsed[1].length <= 200 && !parsed[1].includes("\u0000") && rowId.success)
        return { name: parsed[1], id: rowId.data };
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError("VALIDATION_FAILED", "The cursor is not one this API issued", [
    { path: "cursor", message: "invalid cursor" },
  ]);
}

/** paginate() for lists sorted by name: fetches limit+1 rows, the cursor names the last one shown. */
export async function paginateByName<T>(
  limit: number,
  fetch: (take: number) => Promise<T[]>,
  keyOf: (row: T) => NameKeyset,
): Promise<Page<T>> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeNameCursor(keyOf(last)) : null };
}

/** Everything, as one page: what the app's pages ask for when they show a whole list. */
export const wholeList = <T>(items: T[]): Page<T> => ({ items, nextCursor: null });
