// Where outbox rows go: set once per process by inngest/runtime.ts (Inngest's API, or the embedded executor).
// Kept on globalThis because Next loads a copy of this module per route bundle.
import type { EventName } from "@/lib/validation/events";

export type OutboxMessage = { id: string; name: EventName; data: unknown; requestId: string | null };

export type RelaySummary = {
  due: number;
  sent: number;
  retried: number;
  dead: number;
  errors: { id: string; name: string; error: string; dead: boolean }[];
};

export interface OutboxPublisher {
  readonly name: string;
  /** How long a claimed row stays invisible to other relays; a publish must finish well within it. */
  readonly leaseMs: number;
  /** Resolves once the event is delivered (managed: accepted by Inngest; embedded: its runs completed). */
  publish(message: OutboxMessage): Promise<void>;
  /** Logging is the runtime's business; the domain has no logger. */
  report?(summary: RelaySummary): void;
}

const key = Symbol.for("tidings.outbox.publisher");
type G = typeof globalThis & { [key]?: OutboxPublisher };

export function setOutboxPublisher(publisher: OutboxPublisher | undefined): void {
  (globalThis as G)[key] = publisher;
}

export function currentOutboxPublisher(): OutboxPublisher | undefined {
  return (globalThis as G)[key];
}
