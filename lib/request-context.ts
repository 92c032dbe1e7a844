// The request id, carried from the entry wrapper to the outbox rows and logs of the work a request causes,
// and whether the request recorded outbox events (the wrapper then kicks the relay after the response).
import { AsyncLocalStorage } from "node:async_hooks";

type Store = { requestId: string | undefined; outboxWritten?: boolean };
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
