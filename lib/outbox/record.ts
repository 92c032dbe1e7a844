// Side effects leave as events: recorded in the caller's transaction, delivered later from the outbox.
import { randomUUID } from "node:crypto";
import { insertOutboxEvent, type OutboxInsert } from "@/lib/data/outbox";
import type { DbOrTx } from "@/lib/data/db/client";
import { currentRequestId, noteOutboxWrite } from "@/lib/request-context";
import { eventSchemas, type EventData, type EventName } from "@/lib/validation/events";

export async function recordEvent<N extends EventName>(tx: DbOrTx, name: N, data: EventData<N>): Promise<string> {
  const parsed = eventSchemas[name].parse(data);
  const row = await insertOutboxEvent(tx, { name, data: parsed, requestId: currentRequestId() });
  // The entry wrapper kicks the relay once the response (and so this transaction) is done.
  noteOutboxWrite();
  return row.id;
}

/**
 * The same event as a row for a data function to insert within its own statement (one round trip fewer on a hot
 * write). The caller must insert it in the transaction of the change it reports, as with recordEvent.
 */
export function outboxRow<N extends EventName>(name: N, data: EventData<N>): OutboxInsert & { id: string } {
  const parsed = eventSchemas[name].parse(data);
  noteOutboxWrite();
  return { id: randomUUID(), name, data: parsed, requestId: currentRequestId() };
}
