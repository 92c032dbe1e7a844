// The actor cache in Upstash Redis (here the local REST fake over the real Redis), chosen by env alone: the same
// promises as the memory adapter, entries under CACHE_PREFIX, and when Upstash is down auth asks the database.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const { fake, prefix } = await vi.hoisted(async () => {
  const { startUpstashFake } = await import("../fakes/upstash-fake");
  const { randomBytes: bytes } = await import("node:crypto");
  const started = await startUpstashFake({ token: "cache-token" });
  const keyPrefix = `test:cache:${bytes(6).toString("hex")}`;
  process.env.UPSTASH_REDIS_REST_URL = started.url;
  process.env.UPSTASH_REDIS_REST_TOKEN = "cache-token";
  process.env.CACHE_PREFIX = keyPrefix;
  process.env.RATE_LIMIT_PREFIX = `${keyPrefix}:rl`;
  return { fake: started, prefix: keyPrefix };
});

import { actorCacheSuite } from "../support/actor-cache-suite";
import { api } from "../support/api";
import { takeConsoleErrors } from "../support/fail-on-console-error";
import { createWorkspaceWithOwner, memberOf } from "../factories";

beforeAll(async () => {
  const { getDb } = await import("@/lib/data/db/client");
  await getDb();
}, 120_000);

afterAll(async () => {
  const keys = await fake.redis.keys(`${prefix}*`);
  if (keys.length) await fake.redis.del(...keys);
  await fake.close();
});

actorCacheSuite();

describe("the actor cache in Upstash", () => {
  it("keeps sessions and tokens under the prefix, and no secret: tokens by hash", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const made = await api("POST", `/api/v1/workspaces/${workspace.id}/tokens`, {
      cookie,
      body: { name: "t", scopes: ["posts:read"] },
    });
    const token = made.json.data.token as string;
    for (let i = 0; i < 2; i++) await api("GET", `/api/v1/workspaces/${workspace.id}`, { token });
    const keys = await fake.redis.keys(`${prefix}:actor:*`);
    expect(keys.some((k) => k.startsWith(`${prefix}:actor:session:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${prefix}:actor:token:`))).toBe(true);
    expect(keys.every((k) => !k.includes(token))).toBe(true);
  });

  it("when Upstash is down, auth asks the database: requests work, and a removal still acts at once", async () => {
    const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const url = `/api/v1/workspaces/${workspace.id}`;
    expect((await api("GET", url, { cookie: member.cookie })).status).toBe(200);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    fake.setMode("down");
    try {
      expect((await api("GET", url, { cookie: member.cookie })).status).toBe(200);
      expect((await api("DELETE", `${url}/members/${member.user.id}`, { cookie: ownerCookie })).status).toBe(204);
      expect((await api("GET", url, { cookie: member.cookie })).status).toBe(404);
      expect(warn.mock.calls.some((c) => String(c[0]).includes("cache unavailable"))).toBe(true);
    } finally {
      fake.setMode("up");
      warn.mockRestore();
      // The removal's write-through could not reach the cache: said as an error (entries may live until the TTL).
      expect(takeConsoleErrors().some((c) => String(c[0]).includes("may outlive their change"))).toBe(true);
    }
  });
});
