// The managed mode chosen by env alone: with UPSTASH_REDIS_REST_URL/_TOKEN set, the app counts in Upstash (here a
// local fake over the real Redis), reports it in /api/health, and keeps serving when Upstash goes down.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { fake, prefix } = await vi.hoisted(async () => {
  const { startUpstashFake } = await import("../fakes/upstash-fake");
  const { randomBytes: bytes } = await import("node:crypto");
  const started = await startUpstashFake({ token: "env-token" });
  const keyPrefix = `test:rl-env:${bytes(6).toString("hex")}`;
  process.env.UPSTASH_REDIS_REST_URL = started.url;
  process.env.UPSTASH_REDIS_REST_TOKEN = "env-token";
  process.env.RATE_LIMIT_PREFIX = keyPrefix;
  process.env.RATE_LIMIT_API_PER_MINUTE = "6";
  return { fake: started, prefix: keyPrefix };
});

import { api } from "../support/api";
import { awayFromWindowEdge } from "../support/windows";
import { createWorkspaceWithOwner } from "../factories";

// The first request migrates the in-memory database, longer than health's 2 s deadline: open it here.
beforeAll(async () => {
  const { getDb } = await import("@/lib/data/db/client");
  await getDb();
}, 120_000);

afterAll(async () => {
  const keys = await fake.redis.keys(`${prefix}*`);
  if (keys.length) await fake.redis.del(...keys);
  await fake.close();
});

describe("rate limits in Upstash (managed mode)", () => {
  it("health names the adapter; API calls are counted in Redis under the configured prefix", async () => {
    const health = await api("GET", "/api/health", {
      token: process.env.HEALTH_TOKEN,
      headers: { "x-forwarded-for": `192.0.2.${randomBytes(1)[0]}` },
    });
    expect(health.json.data.rateLimit).toEqual({ ok: true, adapter: "upstash" });

    const { cookie } = await createWorkspaceWithOwner(); // its own API calls count too
    await awayFromWindowEdge(60, 10_000); // the counted calls below fall in one of Upstash's epoch-aligned minutes
    const first = await api("GET", "/api/v1/workspaces", { cookie });
    expect(first.status).toBe(200);
    expect(first.headers.get("ratelimit-limit")).toBe("6");
    const left = Number(first.headers.get("ratelimit-remaining"));
    expect(left).toBeGreaterThan(0);
    const statuses = [];
    for (let i = 0; i <= left; i++) statuses.push((await api("GET", "/api/v1/workspaces", { cookie })).status);
    expect(statuses).toEqual([...Array(left).fill(200), 429]);
    const keys = await fake.redis.keys(`${prefix}:api:*`);
    expect(keys.length).toBeGreaterThan(0);
    // The counter holds the caller's hashed id, never an address or a raw id.
    expect(keys.every((k) => !k.includes("@"))).toBe(true);
  });

  it("when Upstash is down: requests still succeed, health says the limiter is not ok but the app is", async () => {
    const { cookie } = await createWorkspaceWithOwner();
    fake.setMode("down");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await api("GET", "/api/v1/workspaces", { cookie })).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      const health = await api("GET", "/api/health", { token: process.env.HEALTH_TOKEN });
      expect(health.status).toBe(200);
      expect(health.json.data.ok).toBe(true);
      expect(health.json.data.rateLimit).toMatchObject({ ok: false, adapter: "upstash", error: expect.any(String) });
      expect(warn.mock.calls.some((c) => String(c[0]).includes("rate-limit store unavailable"))).toBe(true);
    } finally {
      warn.mockRestore();
      fake.setMode("up");
    }
  });
});
