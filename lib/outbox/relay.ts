// The outbox relay: publishes due rows (the row id is the event id, so a re-publish is deduplicated), marks them
// SENT, and on failure backs off and tries again later, until MAX_ATTEMPTS makes the row DEAD.
import { getDb, type DbOrTx } from "@/lib/data/db/client";
import {
  claimDueOutboxEvents,
  makePendingOutboxEventsDue,
  markOutboxEventFailed,
  markOutboxEventSent,
} from "@/lib/data/outbox";
import { isEventName } from "@/lib/validation/events";
import { currentOutboxPublisher, type OutboxPublisher, type RelaySummary } from "./publisher";

export const MAX_ATTEMPTS = 12;
const BATCH = 50;

/** 30 s, 1 min, 2 min … capped at 1 h: about 6 hours of trying before a row is DEAD. */
export const backoffMs = (attempts: number) => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

const describe = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 1000);

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
  const summary: RelaySummary = { due: due.length, sent: 0, retried: 0, dead: 0, errors: [] };
  await Promise.all(
    due.map(async (row) => {
      try {
        if (!isEventName(row.name)) throw new Error(`unknown event ${row.name}`);
        await publisher.publish({ id: row.id, name: row.name, data: row.data, requestId: row.requestId });
        await markOutboxEventSent(db, row.id, now());
        summary.sent++;
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
      }
    }),
  );
  publisher.report?.(summary);
  return summary;
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
            publisher.report?.({
              due: 0,
              sent: 0,
              retried: 0,
              dead: 0,
              errors: [{ id: "-", name: "relay", error: describe(error), dead: false }],
            });
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
