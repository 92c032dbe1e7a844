// The Idempotency-Key request header on API writes, and the replay of a stored response.
import { AppError } from "@/lib/errors";
import type { StoredResponse } from "@/lib/domain/idempotency/idempotent-request";

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);
export const IDEMPOTENCY_KEY_MAX = 255;

/**
 * The key a write was sent with, or undefined. The draft makes it a structured-field string (`"…"`); the bare form
 * other APIs use is accepted too. 1–255 visible ASCII characters, else a 400.
 */
export function idempotencyKeyOf(req: Request): string | undefined {
  if (!WRITE_METHODS.has(req.method)) return undefined;
  const raw = req.headers.get("idempotency-key");
  if (raw === null) return undefined;
  const key = /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
  if (key.length === 0 || key.length > IDEMPOTENCY_KEY_MAX || !/^[\x20-\x7e]+$/.test(key)) {
    throw new AppError(
      "BAD_REQUEST",
      `Idempotency-Key must be 1–${IDEMPOTENCY_KEY_MAX} visible ASCII characters, e.g. a UUID`,
    );
  }
  return key;
}

export function replayResponse(stored: StoredResponse, headers: Record<string, string>): Response {
  const body = stored.status === 204 ? null : stored.body;
  return new Response(body, {
    status: stored.status,
    headers: {
      ...headers,
      ...(body === null ? {} : { "content-type": "application/json" }),
      "idempotent-replayed": "true",
    },
  });
}
