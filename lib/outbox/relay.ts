// The outbox relay: publishes due rows (the row id is the event id, so a re-publish is deduplicated), marks them
// SENT, and on failure backs off and tries again later, until MAX_ATTEMPTS makes the row DEAD. Two ways in: a pass
// finds and leases the due rows in the table (the sweep, start-up, requests' rows recorded outside a transaction);
// the rows a request recorded leased to this process are published from memory right after its response
// (relayRecorded), their SENT marks gathered into one statement for all that finished within SENT_MARK_DELAY_MS.
import { getDb, type DbOrTx } from "@/lib/data/db/client";
import {
  claimDueOutboxEvents,
  makePendingOutboxEventsDue,
  markOutboxEventFailed,
  markOutboxEventsSent,
  releaseOutboxLeases,
} from "@/lib/data/outbox";
import type { RecordedOutbox } from "@/lib/request-context";
import { isEventName } from "@/lib/validation/events";
import { currentOutboxPublisher, type OutboxMessage, type OutboxPublisher, type RelaySummary } from "./publisher";

export const MAX_ATTEMPTS = 12;
const BATCH = 50;

/** 30 s, 1 min, 2 min … capped at 1 h: about 6 hours of trying before a row is DEAD. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

const describe = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);

const emptySummary = (due: number): RelaySummary => ({ due, sent: 0, retried: 0, dead: 0, errors: [] });

/** A failure of the relay itself (not of one row's delivery), reported as the publisher reports its passes. */
const reportFailure = (publisher: OutboxPublisher | undefined, name: string, error: unknown) =>
  publisher?.report?.({ ...emptySummary(0), errors: [{ id: "-", name, error: describe(error), dead: false }] });

/**
 * Publishes one leased row. Delivered: resolves true (the caller marks it SENT). Failed: the row is released with its
 * backoff, or made DEAD after MAX_ATTEMPTS, and counted in `summary`.
 */
async function publishLeased(
  db: DbOrTx,
  publisher: OutboxPublisher,
  row: Omit<OutboxMessage, "name"> & { name: string; attempts: number },
  summary: RelaySummary,
  now: () => Date,
): Promise<boolean> {
  try {
    if (!isEventName(row.name)) throw new Error(`unknown event ${row.name}`);
    await publisher.publish({ id: row.id, name: row.name, data: row.data, requestId: row.requestId });
    return true;
  } catch (error) {
    const attempts = row.attempts + 1;
    const dead = attempts >= MAX_ATTEMPTS;
    const lastError = describe(error);
    await markOutboxEventFailed(db, row.id, {
      attempts,
      lastError,
      status: dead ? "DEAD" : "PENDING",
      availableAt: new Date(now().getTime() + backoffMs(attempts)),
    });
    summary[dead ? "dead" : "retried"]++;
    summary.errors.push({ id: row.id, name: row.name, error: lastError, dead });
    return false;
  }
}

export async function relayOutbox(
  publisher: OutboxPublisher,
  options: { limit?: number; now?: () => Date } = {},
): Promise<RelaySummary> {
  const now = options.now ?? (() => new Date());
  const db = await getDb();
  const startedAt = now();
  await releaseLeasesIfAsked(db, startedAt);
  const leaseUntil = new Date(startedAt.getTime() + publisher.leaseMs);
  // Found and leased in one statement; rows another relay holds are not returned at all.
  const due = await claimDueOutboxEvents(db, startedAt, leaseUntil, options.limit ?? BATCH);
  const summary = emptySummary(due.length);
  const delivered = await Promise.all(due.map((row) => publishLeased(db, publisher, row, summary, now)));
  const sent = due.filter((_, i) => delivered[i]).map((row) => row.id);
  // One statement for the pass. Should it fail, the rows' lease runs out and they are delivered again (every
  // effect is idempotent).
  await markOutboxEventsSent(db, sent, now());
  summary.sent = sent.length;
  publisher.report?.(summary);
  return summary;
}

/** How long delivered rows wait to be marked SENT together: one statement for every row delivered meanwhile. */
export const SENT_MARK_DELAY_MS = 100;

const directKey = Symbol.for("tidings.outbox.direct");
type DirectState = { inflight: Set<Promise<void>>; sent: string[]; timer?: NodeJS.Timeout; flushing?: Promise<void> };
const direct = (): DirectState =>
  ((globalThis as { [directKey]?: DirectState })[directKey] ??= { inflight: new Set(), sent: [] });

/** Marks SENT what was delivered since the last time; never throws (unmarked rows are delivered again later). */
function flushSentMarks(publisher: OutboxPublisher | undefined): Promise<void> {
  const state = direct();
  clearTimeout(state.timer);
  state.timer = undefined;
  const ids = state.sent.splice(0);
  if (ids.length === 0) return state.flushing ?? Promise.resolve();
  const flushing = (async () => {
    await state.flushing;
    try {
      await markOutboxEventsSent(await getDb(), ids, new Date());
    } catch (error) {
      reportFailure(publisher, "mark-sent", error);
    }
  })();
  state.flushing = flushing;
  void flushing.finally(() => {
    if (state.flushing === flushing) state.flushing = undefined;
  });
  return flushing;
}

/**
 * After a response: publishes the rows the request's committed transactions recorded leased to this process, straight
 * from memory; releases the leases of rows whose transaction failed (they may have committed); and runs a pass for
 * rows recorded unleased. Never throws.
 */
export function relayRecorded(outbox: RecordedOutbox): Promise<void> {
  const state = direct();
  const work = (async () => {
    const publisher = currentOutboxPublisher();
    const db = await getDb();
    const now = () => new Date();
    // The runtime stopped since they were recorded: whoever relays next takes them from the table.
    const release = publisher ? outbox.uncertain : [...outbox.uncertain, ...outbox.committed.map((r) => r.id)];
    if (publisher && outbox.committed.length) {
      const summary = emptySummary(outbox.committed.length);
      const delivered = await Promise.all(
        outbox.committed.map((row) => publishLeased(db, publisher, { ...row, attempts: 0 }, summary, now)),
      );
      const sent = outbox.committed.filter((_, i) => delivered[i]).map((row) => row.id);
      summary.sent = sent.length;
      state.sent.push(...sent);
      if (state.sent.length >= BATCH) void flushSentMarks(publisher);
      else state.timer ??= setTimeout(() => void flushSentMarks(publisher), SENT_MARK_DELAY_MS);
      publisher.report?.(summary);
    }
    await releaseOutboxLeases(db, release, now());
    if (release.length || outbox.unleased) await kickOutboxRelay();
  })().catch((error: unknown) => reportFailure(currentOutboxPublisher(), "relay", error));
  state.inflight.add(work);
  void work.finally(() => state.inflight.delete(work));
  return work;
}

/** Waits for the rows being published from memory and marks those delivered SENT (server stop, tests). */
export async function outboxIdle(): Promise<void> {
  const state = direct();
  while (state.inflight.size) await Promise.allSettled([...state.inflight]);
  await flushSentMarks(currentOutboxPublisher());
}

const releaseKey = Symbol.for("tidings.outbox.release-leases");
type GR = typeof globalThis & { [releaseKey]?: boolean };

/**
 * Called at the start of the embedded runtime, which is the only relay of its database (one process:
 * docs/decisions/0010): a lease still running belongs to a process that died (killed mid-delivery), so the next relay
 * pass makes its rows due now instead of when the 15-minute lease runs out (rows waiting on a backoff are retried
 * then too: a restart is a fine moment). Done by a pass, not at once, because right after a crash the database may
 * not open yet (the embedded lock goes stale after 15 s); a pass that cannot reach it leaves the job to the next one.
 */
export function releaseLeasesOnNextRelayPass(): void {
  (globalThis as GR)[releaseKey] = true;
}

async function releaseLeasesIfAsked(db: DbOrTx, now: Date): Promise<void> {
  const g = globalThis as GR;
  if (!g[releaseKey]) return;
  g[releaseKey] = false;
  try {
    await makePendingOutboxEventsDue(db, now);
  } catch (error) {
    g[releaseKey] = true;
    throw error;
  }
}

const kickKey = Symbol.for("tidings.outbox.kick");
type KickState = { running?: Promise<void>; again: boolean };
type G = typeof globalThis & { [kickKey]?: KickState };

/**
 * Relays whatever is due now, with the process's publisher (none set: rows wait for one). Calls while a pass
 * runs coalesce into one more pass, so a burst of requests costs two passes, not one each. Never throws.
 */
export function kickOutboxRelay(): Promise<void> {
  const g = globalThis as G;
  const state = (g[kickKey] ??= { again: false });
  if (state.running) {
    state.again = true;
    return state.running;
  }
  const publisher = currentOutboxPublisher();
  if (!publisher) return Promise.resolve();
  state.running = (async () => {
    try {
      let full = false;
      do {
        state.again = false;
        // A full batch means there may be more due right now (a backlog after downtime): go on.
        full = await relayOutbox(publisher).then(
          (s) => s.due === BATCH,
          (error: unknown) => {
            reportFailure(publisher, "relay", error);
            return false;
          },
        );
      } while (state.again || full);
    } finally {
      state.running = undefined;
    }
  })();
  return state.running;
}
