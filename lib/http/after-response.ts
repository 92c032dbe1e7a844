// Work to do once the response is sent: Next's after() inside a request; a detached promise elsewhere
// (scripts, tests, instrumentation), where after() throws.
import "server-only";
import { after } from "next/server";
import { kickOutboxRelay } from "@/lib/outbox/relay";
import { outboxWritten } from "@/lib/request-context";

export function afterResponse(task: () => Promise<unknown>): void {
  try {
    after(task);
  } catch {
    void task();
  }
}

/** Called by route() and action() when the request recorded outbox events: deliver them now, not at the next sweep. */
export function kickRelayIfOutboxWritten(): void {
  if (outboxWritten()) afterResponse(kickOutboxRelay);
}
