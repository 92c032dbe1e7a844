// The request id and the client's address, carried from the entry wrapper to the outbox rows, audit rows and logs of
// the work a request causes; whether the request recorded outbox events (the wrapper then kicks the relay after the
// response); and the Idempotency-Key the request claims, which the first transaction of its write inserts alongside
// the effect.
import { AsyncLocalStorage } from "node:async_hooks";

/** An API write's Idempotency-Key: `pending` until a transaction that inserted it commits. */
export type IdempotencyClaim = { caller: string; key: string; fingerprint: string; state: "pending" | "committed" };

type Store = {
  requestId: string | undefined;
  outboxWritten?: boolean;
  idempotency?: IdempotencyClaim;
  /** The caller's address as the entry wrapper read it (the audit log records it). */
  clientAddress?: string;
};
const storage = new AsyncLocalStorage<Store>();

/** Runs `run` with its own context: a request, or a background run (with the id of the request that caused it, if any). */
export const withRequestContext = <T>(requestId: string | undefined, run: () => T): T =>
  storage.run({ requestId }, run);
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

export function noteClientAddress(address: string): void {
  const store = storage.getStore();
  if (store) store.clientAddress = address;
}
export const currentClientAddress = (): string | undefined => storage.getStore()?.clientAddress;

export function noteOutboxWrite(): void {
  const store = storage.getStore();
  if (store) store.outboxWritten = true;
}
export const outboxWritten = (): boolean => storage.getStore()?.outboxWritten === true;

// SQL statements sent to the database, counted per scope (the data layer's driver wrapper calls noteStatement):
// the statement-count guard and the Server-Timing header read them. Scopes nest; a statement counts in each.
type StatementScope = { statements: number; parent: StatementScope | undefined };
// One per process, not per module copy: a production build bundles this file into each route, while the database
// client (and so the driver wrapper calling noteStatement) is shared by all of them.
const scopesKey = Symbol.for("tidings.statement-scopes");
const statementScopes = ((globalThis as { [scopesKey]?: AsyncLocalStorage<StatementScope> })[scopesKey] ??=
  new AsyncLocalStorage<StatementScope>());

export function noteStatement(): void {
  for (let s = statementScopes.getStore(); s; s = s.parent) s.statements++;
}

/** Runs `run` and counts the SQL statements it (and anything it awaits) sends. */
export async function countStatements<T>(run: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const scope: StatementScope = { statements: 0, parent: statementScopes.getStore() };
  // Awaited inside the scope: Prisma's queries are lazy thenables that run only when awaited.
  const result = await statementScopes.run(scope, async () => await run());
  return { result, statements: scope.statements };
}
export function claimIdempotencyKey(claim: Omit<IdempotencyClaim, "state">): IdempotencyClaim | undefined {
  const store = storage.getStore();
  if (!store) return undefined;
  store.idempotency = { ...claim, state: "pending" };
  return store.idempotency;
}
export const currentIdempotencyClaim = (): IdempotencyClaim | undefined => storage.getStore()?.idempotency;
