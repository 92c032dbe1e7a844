import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb } from "@/lib/data/db/client";
import { api } from "../support/api";
import { addMember, createWorkspaceWithOwner, memberOf } from "../factories";

type Scope =
  | "workspace:read"
  | "channels:read"
  | "channels:write"
  | "posts:read"
  | "posts:write"
  | "members:read"
  | "members:write"
  | "admin";

async function createToken(workspaceId: string, cookie: string, scopes: Scope[], name = "ci") {
  const res = await api("POST", `/api/v1/workspaces/${workspaceId}/tokens`, { cookie, body: { name, scopes } });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; token: string; prefix: string; scopes: string[]; lastUsedAt: string | null };
}

describe("API tokens", () => {
  it("returns the secret once; the list shows only the prefix; the DB stores only the sha256", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const created = await createToken(workspace.id, cookie, ["posts:read", "posts:write"], "deploy bot");
    expect(created.token).toMatch(/^tid_[A-Za-z0-9_-]{40,}$/);
    expect(created.token.startsWith(created.prefix)).toBe(true);
    expect(created.prefix.length).toBeLessThan(created.token.length / 2);
    expect(created.scopes).toEqual(["posts:read", "posts:write"]);

    const list = await api("GET", `/api/v1/workspaces/${workspace.id}/tokens`, { cookie });
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(1);
    expect(list.json.data[0].prefix).toBe(created.prefix);
    expect(list.json.data[0]).not.toHaveProperty("token");
    expect(list.json.data[0]).not.toHaveProperty("tokenHash");
    expect(JSON.stringify(list.json)).not.toContain(created.token);

    const row = await (await getDb()).apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(created.token).digest("hex"));
    expect(Object.values(row).map(String)).not.toContain(created.token);
  });

  it("authenticates as Bearer and enforces scopes", async () => {
    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const reader = await createToken(workspace.id, cookie, ["posts:read"]);

    expect((await api("GET", `${base}/channels/${general.id}/posts`, { token: reader.token })).status).toBe(200);
    const db = await getDb();
    const before = await db.post.count();
    const denied = await api("POST", `${base}/channels/${general.id}/posts`, {
      token: reader.token,
      body: { title: "t", body: "b" },
    });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe("FORBIDDEN");
    expect(denied.json.error.message).toContain("posts:write");
    expect(await db.post.count()).toBe(before);
    expect((await api("GET", `${base}/channels`, { token: reader.token })).status).toBe(403);

    const admin = await createToken(workspace.id, cookie, ["admin"]);
    const post = await api("POST", `${base}/channels/${general.id}/posts`, {
      token: admin.token,
      body: { title: "via token", body: "b" },
    });
    expect(post.status).toBe(201);
    expect((await api("POST", `${base}/channels`, { token: admin.token, body: { name: "bots" } })).status).toBe(201);
    expect((await api("GET", `${base}/members`, { token: admin.token })).status).toBe(200);
  });

  it("acts with the token owner's current role, not more", async () => {
    const { workspace } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const token = await createToken(workspace.id, member.cookie, ["admin"]);
    const res = await api("POST", `/api/v1/workspaces/${workspace.id}/channels`, {
      token: token.token,
      body: { name: "hidden", kind: "PRIVATE" },
    });
    expect(res.status).toBe(403);
  });

  it("is limited to its workspace, and cannot create workspaces", async () => {
    const a = await createWorkspaceWithOwner();
    const b = await createWorkspaceWithOwner();
    // The same person owns a second workspace; the token of the first still cannot reach it.
    const db = await getDb();
    await db.membership.create({ data: { workspaceId: b.workspace.id, userId: a.owner.id, role: "OWNER" } });
    await forgetActorsOf([a.owner.id]); // a direct write: clear cached rights as the domain's write-through does
    const token = await createToken(a.workspace.id, a.cookie, ["admin"]);

    expect((await api("GET", `/api/v1/workspaces/${b.workspace.id}`, { token: token.token })).status).toBe(404);
    expect((await api("GET", `/api/v1/workspaces/${b.workspace.id}/channels`, { token: token.token })).status).toBe(
      404,
    );
    const post = await api("POST", `/api/v1/workspaces/${b.workspace.id}/channels/${b.general.id}/posts`, {
      token: token.token,
      body: { title: "x", body: "y" },
    });
    expect(post.status).toBe(404);
    const list = await api("GET", "/api/v1/workspaces", { token: token.token });
    expect(list.json.data.map((w: { id: string }) => w.id)).toEqual([a.workspace.id]);

    const before = await db.workspace.count();
    const create = await api("POST", "/api/v1/workspaces", { token: token.token, body: { name: "From a bot" } });
    expect(create.status).toBe(403);
    expect(create.json.error.code).toBe("FORBIDDEN");
    expect(await db.workspace.count()).toBe(before);
  });

  it("stops working when expired", async () => {
    const { workspace, cookie, owner } = await createWorkspaceWithOwner();
    const token = await createToken(workspace.id, cookie, ["admin"]);
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}`, { token: token.token })).status).toBe(200);
    await (
      await getDb()
    ).apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await forgetActorsOf([owner.id]); // a direct write (a token's expiry never changes in the app): clear the cache
    const res = await api("GET", `/api/v1/workspaces/${workspace.id}`, { token: token.token });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("UNAUTHENTICATED");
  });

  it("records an expiry from expiresInDays", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const res = await api("POST", `/api/v1/workspaces/${workspace.id}/tokens`, {
      cookie,
      body: { name: "week", scopes: ["posts:read"], expiresInDays: 7 },
    });
    expect(res.status).toBe(201);
    const days = (Date.parse(res.json.data.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
  });

  it("stops working on the next request after revocation", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const token = await createToken(workspace.id, cookie, ["admin"]);
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}`, { token: token.token })).status).toBe(200);
    const revoked = await api("DELETE", `/api/v1/workspaces/${workspace.id}/tokens/${token.id}`, { cookie });
    expect(revoked.status).toBe(200);
    expect(revoked.json.data.revokedAt).not.toBeNull();
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}`, { token: token.token })).status).toBe(401);
  });

  it("sets lastUsedAt when used", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const token = await createToken(workspace.id, cookie, ["workspace:read"]);
    expect(token.lastUsedAt).toBeNull();
    const started = Date.now();
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}`, { token: token.token })).status).toBe(200);
    const row = await (await getDb()).apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.lastUsedAt).not.toBeNull();
    expect(row.lastUsedAt!.getTime()).toBeGreaterThanOrEqual(started - 1000);
    const list = await api("GET", `/api/v1/workspaces/${workspace.id}/tokens`, { cookie });
    expect(list.json.data[0].lastUsedAt).toBe(row.lastUsedAt!.toISOString());
  });

  it("stops working when its owner is removed from the workspace (and its role follows demotion)", async () => {
    const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const token = await createToken(workspace.id, admin.cookie, ["admin"]);
    const base = `/api/v1/workspaces/${workspace.id}`;
    expect(
      (await api("POST", `${base}/channels`, { token: token.token, body: { name: "t1", kind: "PRIVATE" } })).status,
    ).toBe(201);
    await api("PATCH", `${base}/members/${admin.user.id}`, { cookie: ownerCookie, body: { role: "MEMBER" } });
    expect(
      (await api("POST", `${base}/channels`, { token: token.token, body: { name: "t2", kind: "PRIVATE" } })).status,
    ).toBe(403);

    expect((await api("DELETE", `${base}/members/${admin.user.id}`, { cookie: ownerCookie })).status).toBe(204);
    const res = await api("GET", base, { token: token.token });
    expect(res.status).toBe(401);

    // Invited back later, they do not find their old tokens alive again: removal revoked them.
    await addMember(workspace.id, admin.user.id, "MEMBER");
    expect((await api("GET", base, { token: token.token })).status).toBe(401);
    const row = await (await getDb()).apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.revokedAt).not.toBeNull();
  });

  it("lists one's own tokens; admins see everyone's; others cannot revoke someone else's", async () => {
    const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
    const a = await memberOf(workspace.id, "MEMBER");
    const b = await memberOf(workspace.id, "MEMBER");
    const ta = await createToken(workspace.id, a.cookie, ["workspace:read"]);
    await createToken(workspace.id, b.cookie, ["posts:read"]);
    const mine = await api("GET", `/api/v1/workspaces/${workspace.id}/tokens`, { cookie: a.cookie });
    expect(mine.json.data.map((t: { id: string }) => t.id)).toEqual([ta.id]);
    expect(
      (await api("GET", `/api/v1/workspaces/${workspace.id}/tokens`, { cookie: ownerCookie })).json.data,
    ).toHaveLength(2);
    expect(
      (await api("DELETE", `/api/v1/workspaces/${workspace.id}/tokens/${ta.id}`, { cookie: b.cookie })).status,
    ).toBe(404);
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}`, { token: ta.token })).status).toBe(200);
  });

  it("guests cannot create tokens", async () => {
    const { workspace } = await createWorkspaceWithOwner();
    const guest = await memberOf(workspace.id, "GUEST");
    const before = await (await getDb()).apiToken.count();
    const res = await api("POST", `/api/v1/workspaces/${workspace.id}/tokens`, {
      cookie: guest.cookie,
      body: { name: "x", scopes: ["posts:read"] },
    });
    expect(res.status).toBe(403);
    expect(await (await getDb()).apiToken.count()).toBe(before);
  });

  it("a token cannot mint or list tokens unless it has the admin scope", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const writer = await createToken(workspace.id, cookie, ["posts:write", "members:write", "channels:write"]);
    const res = await api("POST", `/api/v1/workspaces/${workspace.id}/tokens`, {
      token: writer.token,
      body: { name: "x", scopes: ["admin"] },
    });
    expect(res.status).toBe(403);
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}/tokens`, { token: writer.token })).status).toBe(403);
  });
});
