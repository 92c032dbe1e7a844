// Inngest event types built from the domain's catalog (lib/validation/events.ts): the SDK validates the payload
// when an event is created for sending and again when a function receives it.
import "server-only";
import { eventType, type EventType } from "inngest";
import { eventSchemas, type EventData, type EventName } from "@/lib/validation/events";

type Schema<N extends EventName> = (typeof eventSchemas)[N];
export type TidingsEvent<N extends EventName> = EventType<N, Schema<N>>;

/**
 * A trigger condition (`if`, CEL, evaluated by Inngest before it calls the function, and by the embedded executor):
 * the post or comment mentions someone. Events recorded before they said how many mentions they hold count as yes.
 */
export const mentionsSomeone = "!has(event.data.mentions) || event.data.mentions > 0";

/** The session key under which an event carries the id of the request that caused it. */
export const REQUEST_SESSION = "request";

const define = <N extends EventName>(name: N): TidingsEvent<N> =>
  eventType(name, { schema: eventSchemas[name] as never });

export const events = Object.fromEntries(
  (Object.keys(eventSchemas) as EventName[]).map((name) => [name, define(name)]),
) as unknown as {
  [N in EventName]: TidingsEvent<N>;
};

/**
 * The event to send for an outbox row: its id is the row id, so Inngest drops a second send of the same row. The
 * id of the request that recorded it rides along as an Inngest session (`meta.sessions.request`): Inngest groups
 * the runs by it, and the runs' log lines carry it (./run-context.ts).
 */
export async function outboxEvent<N extends EventName>(
  name: N,
  data: EventData<N>,
  id: string,
  requestId?: string | null,
) {
  // The union of every event's create() signature is not callable; the name and data are checked by validate().
  const type = events[name] as unknown as {
    create(
      data: EventData<N>,
      options: { id: string },
    ): { name: N; data: EventData<N>; id?: string; validate(): Promise<void> };
  };
  const created = type.create(data, { id });
  await created.validate();
  return {
    name: created.name,
    data: created.data,
    id,
    ...(requestId ? { meta: { sessions: { [REQUEST_SESSION]: requestId } } } : {}),
  };
}
