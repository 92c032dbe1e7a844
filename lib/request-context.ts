// The request id and the client's address, carried from the entry wrapper to the outbox rows, audit rows and logs of
// the work a request causes; the outbox rows the request recorded (the wrapper hands them to the relay after the
// response); and the Idempotency-Key the request claims, which the first transaction of its write inserts alongside
// the effect.
import { AsyncLocalStorage } from "node:async_hooks";

/** An API write's Idempotency-Key: `pending` until a transaction that inserted it commits. */
export type IdempotencyClaim = { caller: string; key: string; fingerprint: string; state: "pending" | "committed" };

/** An outbox row as the relay publishes it, known to the request that recorded it (no need to read it back). */
export type RecordedOutboxEvent = { id: string; name: string; data: unknown; requestId: string | null };

/**
 * What a request's writes left in the outbox. Rows recorded inside `transaction()` while a relay will run after the
 * response are inserted already leased to this process: once their transaction committed they are `committed`, and
 * the relay publishes them straight from here (no statement to find and lease them); if it failed they are
 * `uncertain` (rolled back, or committed before a later error) and their lease is released. Rows recorded anywhere
 * else are not leased (`unleased`): the relay's next pass finds them in the table.
 */
export type RecordedOutbox = { committed: RecordedOutboxEvent[]; uncertain: string[]; unleased: boolean };

type Store = {
  requestId: string | undefined;
  /** Set by the entry wrappers (route, action), which hand the request's outbox rows to the relay after responding. */
  relaysAfter?: boolean;
  outbox?: RecordedOutbox;
  idempotency?: IdempotencyClaim;
  /** The caller's address as the entry wrapper read it (the audit log records it). */
  clientAddress?: string;
};
const storage = new AsyncLocalStorage<Store>();

/**
 * Runs `run` with its own context: a request, or a background run (with the id of the request that caused it, if any).
 * `relaysAfter`: the caller hands `recordedOutbox()` to the relay once it has responded.
 */
export const withRequestContext = <T>(
  requestId: string | undefined,
  run: () => T,
  options?: { relaysAfter: true },
): T => storage.run({ requestId, relaysAfter: options?.relaysAfter }, run);
export const currentRequestId = (): string | undefined => storage.getStore()?.requestId;

export function noteClientAddress(address: string): void {
  const store = storage.getStore();
  if (store) store.clientAddress = address;
}
export const currentClientAddress = (): string | undefined => storage.getStore()?.clientAddress;

// The rows recorded by the transaction() running now (innermost), so that they count as committed only once it has.
// One per process like the statement scopes below: transaction() and the outbox recorder may sit in different bundles.
const txRowsKey = Symbol.for("tidings.outbox.transaction-rows");
const transactionRows = ((globalThis as { [txRowsKey]?: AsyncLocalStorage<RecordedOutboxEvent[]> })[txRowsKey] ??=
  new AsyncLocalStorage<RecordedOutboxEvent[]>());

const outboxOf = (store: Store): RecordedOutbox => (store.outbox ??= { committed: [], uncertain: [], unleased: false });

/**
 * Whether a row recorded now can be inserted leased to this process: inside a transaction() of a request whose wrapper
 * relays after responding. The caller then reports the row with `noteOutboxWrite(row)`.
 */
export const outboxRowIsRelayedByRequest = (): boolean =>
  storage.getStore()?.relaysAfter === true && transactionRows.getStore() !== undefined;

/** A row was recorded: `leased` when it was inserted leased because outboxRowIsRelayedByRequest() said so. */
export function noteOutboxWrite(row: RecordedOutboxEvent, leased: boolean): void {
  const store = storage.getStore();
  if (!store) return;
  const rows = transactionRows.getStore();
  if (leased && rows) rows.push(row);
  else outboxOf(store).unleased = true;
}

/** Runs a transaction, keeping track of the leased outbox rows it records: committed if it succeeds. */
export async function trackOutboxRows<T>(run: () => Promise<T>): Promise<T> {
  const parent = transactionRows.getStore();
  const rows: RecordedOutboxEvent[] = [];
  let result: T;
  try {
    result = await transactionRows.run(rows, run);
  } catch (error) {
    const store = storage.getStore();
    if (store && rows.length) outboxOf(store).uncertain.push(...rows.map((r) => r.id));
    throw error;
  }
  const store = storage.getStore();
  // Nested: the outer transaction decides. (A row without a store cannot have been leased.)
  if (parent) parent.push(...rows);
  else if (store && rows.length) outboxOf(store).committed.push(...rows);
  return result;
}

/**
 * What this request left in the outbox, taken once (the wrapper calls it after responding). Rows recorded later in its
 * async context (work it started and did not await) are no longer leased: nobody would publish them from memory.
 */
export function takeRecordedOutbox(): RecordedOutbox | undefined {
  const store = storage.getStore();
  if (!store) return undefined;
  const outbox = store.outbox;
  store.outbox = undefined;
  store.relaysAfter = false;
  return outbox;
}

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
/**
 * Runs `run` outside the request it was called from: work a request hands off (the relay after its response, and the
 * background runs it starts) has its own context, its own outbox rows and its own statement count.
 */
export const detachedFromRequest = <T>(run: () => T): T =>
  storage.exit(() => transactionRows.exit(() => statementScopes.exit(run)));

export function claimIdempotencyKey(claim: Omit<IdempotencyClaim, "state">): IdempotencyClaim | undefined {
  const store = storage.getStore();
  if (!store) return undefined;
  store.idempotency = { ...claim, state: "pending" };
  return store.idempotency;
}
export const currentIdempotencyClaim = (): IdempotencyClaim | undefined => storage.getStore()?.idempotency;
