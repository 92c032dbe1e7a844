import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createWorkspaceWithOwner } from "../factories";

describe("GET /api/health", () => {
  it("reports each layer and the adapter serving it, with the outbox backlog", async () => {
    await createWorkspaceWithOwner(); // records a workspace/member-joined event in the outbox
    const res = await api("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.json.data.ok).toBe(true);
    expect(res.json.data.database.adapter).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
    expect(res.json.data.email.adapter).toBe("dev-mailbox");
    expect(res.json.data.queue.adapter).toBe("embedded");
    expect(res.json.data.rateLimit).toEqual({ ok: true, adapter: "memory" });
    expect(res.json.data.storage).toEqual({ ok: true, adapter: "disk" });
    expect(res.json.data.queue.outboxDead).toBe(0);
    expect(res.headers.get("x-request-id")).toBeTruthy();
  });

  it("flags the queue when outbox events have given up (DEAD)", async () => {
    const { getDb } = await import("@/lib/data/db/client");
    await (
      await getDb()
    ).outboxEvent.create({ data: { name: "post/created", data: {}, status: "DEAD", attempts: 12 } });
    const res = await api("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.json.data.queue).toMatchObject({ ok: false, outboxDead: 1 });
  });
});
