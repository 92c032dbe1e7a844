// The managed mode's publisher through the real SDK's `send`, against a local fake of Inngest's event API
// (INNGEST_BASE_URL, as for a self-hosted Inngest): the outbox row id is the event id; if Inngest is down the
// row stays pending and goes out later with the same id (Inngest drops duplicates by id).
import { afterAll, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => {
  const { startInngestEventApiFake } = await import("../fakes/inngest-event-api-fake");
  const started = await startInngestEventApiFake("test-event-key");
  process.env.INNGEST_EVENT_KEY = "test-event-key";
  process.env.INNGEST_SIGNING_KEY = "signkey-test-0123456789abcdef0123456789abcdef";
  process.env.INNGEST_BASE_URL = started.url;
  return started;
});

import { embedded } from "@/inngest/client";
import { outboxPublisher } from "@/inngest/runtime";
import { getDb } from "@/lib/data/db/client";
import { withRequestContext } from "@/lib/request-context";
import { backoffMs, relayOutbox } from "@/lib/outbox/relay";
import { createUser } from "../factories";

afterAll(() => fake.close());

const rowFor = async (userId: string) =>
  (await (await getDb()).outboxEvent.findMany({ where: { name: "user/signed-up" } })).find(
    (r) => (r.data as { userId: string }).userId === userId,
  );

describe("managed publisher (Inngest event API)", () => {
  it("sends each outbox row with its id as the event id, validated, and marks it sent", async () => {
    expect(embedded).toBe(false);
    const user = await createUser();
    await relayOutbox(outboxPublisher());
    const row = await rowFor(user.id);
    expect(row?.status).toBe("SENT");
    expect(fake.received.filter((e) => e.id === row?.id)).toEqual([
      { id: row?.id, name: "user/signed-up", data: { userId: user.id, email: user.email }, ts: expect.any(Number) },
    ]);
  });

  it("carries the id of the request that recorded the event as an Inngest session", async () => {
    const user = await withRequestContext("req-from-sign-up", () => createUser());
    await relayOutbox(outboxPublisher());
    const row = await rowFor(user.id);
    expect(row?.requestId).toBe("req-from-sign-up");
    expect(fake.received.filter((e) => e.id === row?.id)).toEqual([
      expect.objectContaining({ meta: { sessions: { request: "req-from-sign-up" } } }),
    ]);
  });

  it("keeps the row pending while Inngest is down, and sends it with the same id later", async () => {
    const user = await createUser();
    fake.setDown(true);
    const summary = await relayOutbox(outboxPublisher());
    expect(summary.retried).toBeGreaterThanOrEqual(1);
    const row = await rowFor(user.id);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(fake.received.some((e) => e.id === row?.id)).toBe(false);

    fake.setDown(false);
    await relayOutbox(outboxPublisher(), { now: () => new Date(Date.now() + backoffMs(1) + 1000) });
    expect((await rowFor(user.id))?.status).toBe("SENT");
    expect(fake.received.filter((e) => e.id === row?.id)).toHaveLength(1);
  }, 60_000);
});
