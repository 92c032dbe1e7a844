// Work to do once the response is sent: Next's after() inside a request; a detached promise elsewhere
// (scripts, tests, instrumentation), where after() throws.
import "server-only";
import { after } from "next/server";
import { relayRecorded } from "@/lib/outbox/relay";
import { detachedFromRequest, takeRecordedOutbox } from "@/lib/request-context";

export function afterResponse(task: () => Promise<unknown>): void {
  try {
    after(task);
  } catch {
    void task();
  }
}

/** Called by route() and action() once they responded: the events the request recorded go out now, not at the next sweep. */
export function relayRecordedOutbox(): void {
  const outbox = takeRecordedOutbox();
  if (outbox) afterResponse(() => detachedFromRequest(() => relayRecorded(outbox)));
}
