// Side effects leave as events: recorded in the caller's transaction, delivered later from the outbox.
import { randomUUID } from "node:crypto";
import { insertOutboxEvent, type OutboxInsert } from "@/lib/data/outbox";
import type { DbOrTx } from "@/lib/data/db/client";
import { currentRequestId, noteOutboxWrite, outboxRowIsRelayedByRequest } from "@/lib/request-context";
import { eventSchemas, type EventData, type EventName } from "@/lib/validation/events";
import { currentOutboxPublisher } from "./publisher";

/**
 * The row for an event. Recorded by a request whose wrapper relays after responding (and with a publisher in this
 * process), it is inserted leased to this process: the relay publishes it from memory once the transaction committed,
 * without a statement to find and lease it. If the process dies first, the lease runs out and a relay pass finds it
 * (the embedded runtime releases its leases when it starts again).
 */
function rowFor<N extends EventName>(name: N, data: EventData<N>): OutboxInsert & { id: string } {
  const parsed = eventSchemas[name].parse(data);
  const row = { id: randomUUID(), name, data: parsed, requestId: currentRequestId() };
  const publisher = currentOutboxPublisher();
  const leased = publisher !== undefined && outboxRowIsRelayedByRequest();
  noteOutboxWrite({ ...row, requestId: row.requestId ?? null }, leased);
  return leased ? { ...row, availableAt: new Date(Date.now() + publisher.leaseMs) } : row;
}

export async function recordEvent<N extends EventName>(tx: DbOrTx, name: N, data: EventData<N>): Promise<string> {
  const row = await insertOutboxEvent(tx, rowFor(name, data));
  return row.id;
}

/**
 * The same event as a row for a data function to insert within its own statement (one round trip fewer on a hot
 * write). The caller must insert it in the transaction of the change it reports, as with recordEvent.
 */
export function outboxRow<N extends EventName>(name: N, data: EventData<N>): OutboxInsert & { id: string } {
  return rowFor(name, data);
}
