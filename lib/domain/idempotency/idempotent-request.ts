// Idempotency-Key on API writes (draft-ietf-httpapi-idempotency-key-header): the first request's outcome is kept per
// caller and key, and a retry gets it back instead of a second effect. The key's row is inserted by the transaction
// of the write's effect (lib/data/db/transaction.ts), so the two commit together; its response is recorded after.
import "server-only";
import { createHash } from "node:crypto";
import { getDb } from "@/lib/data/db/client";
import {
  findIdempotencyKey,
  IdempotencyKeyTakenError,
  insertIdempotentOutcome,
  recordIdempotentOutcome,
} from "@/lib/data/idempotency-keys";
import { AppError } from "@/lib/errors";
import { claimIdempotencyKey, currentIdempotencyClaim } from "@/lib/request-context";

export type StoredResponse = { status: number; body: string };

/** What identifies "the same request": method, path, query and the body's JSON (key order included). */
export function requestFingerprint(method: string, url: URL, body: unknown): string {
  return createHash("sha256")
    .update(`${method} ${url.pathname}?${url.searchParams.toString()}\n${JSON.stringify(body ?? null)}`)
    .digest("base64url");
}

/**
 * Before the write: the stored response when this key already answered; a 422 when it came with another request; a
 * 409 while the first one is still running. Otherwise the key is claimed for this request and undefined returned.
 */
export async function beginIdempotentRequest(
  caller: string,
  key: string,
  fingerprint: string,
): Promise<StoredResponse | undefined> {
  const stored = await storedResponse(caller, key, fingerprint);
  if (stored) return stored;
  claimIdempotencyKey({ caller, key, fingerprint });
  return undefined;
}

async function storedResponse(caller: string, key: string, fingerprint: string) {
  const found = await findIdempotencyKey(await getDb(), caller, key);
  if (!found) return undefined;
  if (found.fingerprint !== fingerprint) {
    throw new AppError(
      "VALIDATION_FAILED",
      "This Idempotency-Key was already used with a different request; use a new key for a new request",
    );
  }
  if (found.status === null || found.body === null) {
    throw new AppError(
      "CONFLICT",
      "A request with this Idempotency-Key is still being processed; retry once it has answered",
    );
  }
  return { status: found.status, body: found.body };
}

/**
 * After the handler answered (or failed): record the outcome. A key claimed by a committed transaction gets its
 * response, error or not (the effect happened). A write that ran no transaction records key and success together.
 * A failure before any commit records nothing: nothing happened, so a retry may try again.
 */
export async function finishIdempotentRequest(response: StoredResponse): Promise<void> {
  const claim = currentIdempotencyClaim();
  if (!claim) return;
  const db = await getDb();
  if (claim.state === "committed") await recordIdempotentOutcome(db, claim.caller, claim.key, response);
  else if (response.status < 400) {
    const { caller, key, fingerprint } = claim;
    await insertIdempotentOutcome(db, { caller, key, fingerprint, ...response });
  }
}

/**
 * A concurrent duplicate took the key inside our transaction (which then made no effect): what the first request
 * answered, or a 409 while it has not. Undefined for any other error.
 */
export async function idempotencyConflictResponse(error: unknown): Promise<StoredResponse | undefined> {
  const claim = currentIdempotencyClaim();
  if (!(error instanceof IdempotencyKeyTakenError) || !claim) return undefined;
  const stored = await storedResponse(claim.caller, claim.key, claim.fingerprint);
  if (stored) return stored;
  throw new AppError("CONFLICT", "Another request with this Idempotency-Key was being processed; retry it");
}
