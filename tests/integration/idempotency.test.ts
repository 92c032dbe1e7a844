// Idempotency-Key on API writes: a retry gets the first answer back and changes nothing; concurrent duplicates make
// one effect; the same key with another request is refused; secrets are never stored; old keys are cleaned up.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { cleanupIdempotencyKeys } from "@/lib/domain/cleanup/run-cleanup";
import { api } from "../support/api";
import { createWorkspaceWithOwner, memberOf } from "../factories";

async function setup() {
  const { workspace, cookie, general, owner } = await createWorkspaceWithOwner();
  const base = `/api/v1/workspaces/${workspace.id}`;
  const posts = `${base}/channels/${general.id}/posts`;
  const countPosts = async (title: string) => (await getDb()).post.count({ where: { title } });
  return { workspace, cookie, general, owner, base, posts, countPosts };
}

describe("Idempotency-Key", () => {
  it("replays the first response to a retry, with Idempotent-Replayed, and makes one post", async () => {
    const { cookie, posts, countPosts } = await setup();
    const key = randomUUID();
    const body = { title: `once ${key}`, body: "hello" };
    const first = await api("POST", posts, { cookie, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(first.headers.get("idempotent-replayed")).toBeNull();

    // The response was lost; the client retries (the draft's quoted form of the same key).
    const retry = await api("POST", posts, { cookie, body, headers: { "idempotency-key": `"${key}"` } });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json).toEqual(first.json);
    expect(await countPosts(body.title)).toBe(1);

    // Without a key, the same request is a new post.
    expect((await api("POST", posts, { cookie, body })).status).toBe(201);
    expect(await countPosts(body.title)).toBe(2);
  });

  it("makes one effect from concurrent duplicates: the others replay it or are told it is in flight", async () => {
    const { cookie, posts, countPosts } = await setup();
    const key = randomUUID();
    const body = { title: `race ${key}`, body: "hello" };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => api("POST", posts, { cookie, body, headers: { "idempotency-key": key } })),
    );
    expect(await countPosts(body.title)).toBe(1);
    const created = answers.filter((a) => a.status === 201 && a.headers.get("idempotent-replayed") === null);
    expect(created).toHaveLength(1);
    for (const a of answers.filter((x) => x !== created[0])) {
      if (a.status === 201) expect(a.json).toEqual(created[0]!.json);
      else expect({ status: a.status, code: a.json.error.code }).toEqual({ status: 409, code: "CONFLICT" });
    }
    const replay = await api("POST", posts, { cookie, body, headers: { "idempotency-key": key } });
    expect(replay.json).toEqual(created[0]!.json);
  });

  it("refuses the same key with another request (422), a malformed key (400), and changes nothing", async () => {
    const { cookie, posts, countPosts } = await setup();
    const key = randomUUID();
    await api("POST", posts, { cookie, body: { title: `a ${key}`, body: "x" }, headers: { "idempotency-key": key } });
    const other = await api("POST", posts, {
      cookie,
      body: { title: `b ${key}`, body: "x" },
      headers: { "idempotency-key": key },
    });
    expect(other.status).toBe(422);
    expect(other.json.error.message).toMatch(/different request/);
    expect(await countPosts(`b ${key}`)).toBe(0);

    for (const bad of ["", "x".repeat(256), "caf\u00e9"]) {
      const res = await api("POST", posts, {
        cookie,
        body: { title: `c ${key}`, body: "x" },
        headers: { "idempotency-key": bad },
      });
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    expect(await countPosts(`c ${key}`)).toBe(0);
  });

  it("keeps keys per caller: another member's same key is their own request", async () => {
    const { workspace, cookie, posts, countPosts } = await setup();
    const other = await memberOf(workspace.id, "MEMBER");
    const key = randomUUID();
    const body = { title: `mine ${key}`, body: "x" };
    expect((await api("POST", posts, { cookie, body, headers: { "idempotency-key": key } })).status).toBe(201);
    const theirs = await api("POST", posts, { cookie: other.cookie, body, headers: { "idempotency-key": key } });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get("idempotent-replayed")).toBeNull();
    expect(await countPosts(body.title)).toBe(2);
  });

  it("stores a failure that happened before any effect as nothing: the retry runs", async () => {
    const { cookie, base, workspace } = await setup();
    const key = randomUUID();
    const missing = `${base}/channels/${"c".repeat(25)}/posts`;
    const first = await api("POST", missing, {
      cookie,
      body: { title: "t", body: "b" },
      headers: { "idempotency-key": key },
    });
    expect(first.status).toBe(404);
    expect(await (await getDb()).idempotencyKey.count({ where: { key } })).toBe(0);
    expect(workspace.id).toBeTruthy();
  });

  it("replays a DELETE (204) and a PATCH", async () => {
    const { cookie, base, posts } = await setup();
    const created = await api("POST", posts, { cookie, body: { title: "to edit", body: "x" } });
    const url = `${base}/posts/${created.json.data.id}`;
    const patchKey = randomUUID();
    const patch = await api("PATCH", url, {
      cookie,
      body: { title: "edited" },
      headers: { "idempotency-key": patchKey },
    });
    expect(patch.status).toBe(200);
    const again = await api("PATCH", url, {
      cookie,
      body: { title: "edited" },
      headers: { "idempotency-key": patchKey },
    });
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.json).toEqual(patch.json);

    const deleteKey = randomUUID();
    expect((await api("DELETE", url, { cookie, headers: { "idempotency-key": deleteKey } })).status).toBe(204);
    const replayed = await api("DELETE", url, { cookie, headers: { "idempotency-key": deleteKey } });
    expect(replayed.status).toBe(204);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    // Without the key, deleting again is a new request: the post is gone.
    expect((await api("DELETE", url, { cookie })).status).toBe(404);
  });

  it("never stores a new token's secret: a retry is told what was created", async () => {
    const { workspace, cookie } = await setup();
    const key = randomUUID();
    const body = { name: "bot", scopes: ["posts:read"] };
    const url = `/api/v1/workspaces/${workspace.id}/tokens`;
    const first = await api("POST", url, { cookie, body, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    const retry = await api("POST", url, { cookie, body, headers: { "idempotency-key": key } });
    expect(retry.status).toBe(409);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.json.error.details).toEqual({ id: first.json.data.id });
    const db = await getDb();
    expect(await db.apiToken.count({ where: { workspaceId: workspace.id, name: "bot" } })).toBe(1);
    const stored = await db.idempotencyKey.findMany({ where: { key } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body).not.toContain(first.json.data.token);
  });

  it("cleanup removes keys older than 24 hours", async () => {
    const db = await getDb();
    const key = randomUUID();
    const old = new Date(Date.now() - 25 * 3_600_000);
    await db.idempotencyKey.create({ data: { caller: "user:x", key, fingerprint: "f", createdAt: old } });
    await db.idempotencyKey.create({ data: { caller: "user:y", key, fingerprint: "f" } });
    expect(await cleanupIdempotencyKeys(new Date())).toBeGreaterThanOrEqual(1);
    expect((await db.idempotencyKey.findMany({ where: { key } })).map((k) => k.caller)).toEqual(["user:y"]);
  });
});
