// /api/health: ok per layer for anyone; adapters, error text and the outbox backlog only for an operator
// (the HEALTH_TOKEN, or a signed-in workspace owner).
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as healthData from "@/lib/data/health";
import { api } from "../support/api";
import { createWorkspaceWithOwner, memberOf } from "../factories";

vi.mock("@/lib/data/health", async (original) => {
  const real = await original<typeof import("@/lib/data/health")>();
  return { ...real, pingDatabase: vi.fn(real.pingDatabase) };
});

const operator = { token: process.env.HEALTH_TOKEN };
/** The operator's view reduced to what anyone may see. */
async function expectedSummary() {
  const { data } = (await api("GET", "/api/health", operator)).json;
  expect(data.database.adapter).toBeTruthy();
  const layers = ["database", "queue", "email", "rateLimit", "storage"] as const;
  return { data: { ok: data.ok, ...Object.fromEntries(layers.map((l) => [l, { ok: data[l].ok }])) } };
}

describe("GET /api/health", () => {
  // The first request migrates the in-memory database: pay for it here, not in the first test's time.
  beforeAll(() => createWorkspaceWithOwner(), 120_000);

  it("tells an operator each layer's adapter, with the outbox backlog", async () => {
    await createWorkspaceWithOwner(); // records a workspace/member-joined event in the outbox
    const res = await api("GET", "/api/health", operator);
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

  it("tells anyone else only ok per layer", async () => {
    const res = await api("GET", "/api/health");
    expect(res.status).toBe(200);
    expect(res.json).toEqual(await expectedSummary());
    expect(Object.keys(res.json.data.database)).toEqual(["ok"]);
  });

  it("shows the details to a signed-in workspace owner, not to other members or to API tokens", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const summary = await expectedSummary();
    expect((await api("GET", "/api/health", { cookie })).json.data.database.adapter).toBeTruthy();

    for (const role of ["ADMIN", "MEMBER", "GUEST"] as const) {
      const member = await memberOf(workspace.id, role);
      expect((await api("GET", "/api/health", { cookie: member.cookie })).json, role).toEqual(summary);
    }
    const created = await api("POST", `/api/v1/workspaces/${workspace.id}/tokens`, {
      cookie,
      body: { name: "monitor", scopes: ["admin"] },
    });
    expect(created.status).toBe(201);
    const viaToken = await api("GET", "/api/health", { token: created.json.data.token });
    expect(viaToken.json).toEqual(summary);
  });

  it("refuses a wrong token instead of treating it as anonymous", async () => {
    const res = await api("GET", "/api/health", { token: `${process.env.HEALTH_TOKEN}x` });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("UNAUTHENTICATED");
  });

  it("flags the queue when outbox events have given up (DEAD)", async () => {
    const { getDb } = await import("@/lib/data/db/client");
    await (
      await getDb()
    ).outboxEvent.create({ data: { name: "post/created", data: {}, status: "DEAD", attempts: 12 } });
    const res = await api("GET", "/api/health", operator);
    expect(res.status).toBe(200);
    expect(res.json.data.queue).toMatchObject({ ok: false, outboxDead: 1 });
    expect((await api("GET", "/api/health")).json.data.queue).toEqual({ ok: false });
  });

  it("when the database fails: 503 for everyone, and the error text only for the operator", async () => {
    const failure = new Error("connect ECONNREFUSED 10.20.30.40:5432 (data dir /srv/tidings/pglite)");
    vi.mocked(healthData.pingDatabase).mockRejectedValueOnce(failure).mockRejectedValueOnce(failure);

    const anonymous = await api("GET", "/api/health");
    expect(anonymous.status).toBe(503);
    expect(anonymous.json).toEqual({
      error: {
        code: "UNAVAILABLE",
        message: "The database is not answering",
        details: { database: { ok: false }, retryAfterSeconds: 5 },
        docs: expect.stringMatching(/\/docs\/api#error-unavailable$/),
      },
    });
    expect(anonymous.headers.get("retry-after")).toBe("5");
    expect(JSON.stringify(anonymous.json)).not.toContain("10.20.30.40");

    const detailed = await api("GET", "/api/health", operator);
    expect(detailed.status).toBe(503);
    expect(detailed.json.error.details).toEqual({
      database: { ok: false, error: failure.message },
      retryAfterSeconds: 5,
    });
  });
});
