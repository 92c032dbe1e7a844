// The request id, carried from the entry wrapper to the outbox rows and logs of the work a request causes; whether
// the request recorded outbox events (the wrapper then kicks the relay after the response); and the Idempotency-Key
// the request claims, which the first transaction of its write inserts alongside the effect.
import { AsyncLocalStorage } from "node:async_hooks";

/** An API write's Idempotency-Key: `pending` until a transaction that inserted it commits. */
export type IdempotencyClaim = { caller: string; key: string; fingerprint: string; state: "pending" | "committed" };

type Store = { requestId: string | undefined; outboxWritten?: boolean; idempotency?: IdempotencyClaim };
const storage = new AsyncLocalStorage<Store>();

/** Runs `run` with its own context: a request, or a background run (with the id of the request that caused it, if any). */
export const withRequestContext = <T>(requestId: string | undefined, run: () => T): T =>
  storage.run({ requestId }, run);
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

export function noteOutboxWrite(): void {
  const store = storage.getStore();
  if (store) store.outboxWritten = true;
}
export const outboxWritten = (): boolean => storage.getStore()?.outboxWritten === true;

export function claimIdempotencyKey(claim: Omit<IdempotencyClaim, "state">): IdempotencyClaim | undefined {
  const store = storage.getStore();
  if (!store) return undefined;
  store.idempotency = { ...claim, state: "pending" };
  return store.idempotency;
}
export const currentIdempotencyClaim = (): IdempotencyClaim | undefined => storage.getStore()?.idempotency;
