// The audit log: every admin action writes exactly one row, in its own transaction, with who/what/target/before/after,
// the request id and the client address; rows are hash-chained per workspace (concurrent actions keep one chain, an
// edited or removed row is found); owners alone read and export it.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { verifyAuditChain } from "@/lib/domain/audit/verify-chain";
import { listMailTo } from "@/lib/data/mail/messages";
import { api } from "../support/api";
import { useEmbeddedRuntime } from "../support/background";
import { createUser, createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";

type Row = {
  id: string;
  seq: number;
  actorId: string | null;
  actorKind: string;
  actorTokenId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  clientAddress: string | null;
  prevHash: string;
  hash: string;
};

async function rows(workspaceId: string): Promise<Row[]> {
  return (await getDb()).auditEvent.findMany({ where: { workspaceId }, orderBy: { seq: "asc" } });
}

/** Runs `act` and returns the audit rows it added to the workspace. */
async function added(workspaceId: string, act: () => Promise<unknown>): Promise<Row[]> {
  const before = (await rows(workspaceId)).length;
  await act();
  return (await rows(workspaceId)).slice(before);
}

/** Runs the request, expects `status`, and returns the one audit row it wrote (failing unless exactly one). */
async function oneRow(
  workspaceId: string,
  status: number,
  ...request: Parameters<typeof api>
): Promise<{ row: Row; res: Awaited<ReturnType<typeof api>> }> {
  let res: Awaited<ReturnType<typeof api>> | undefined;
  const rowsAdded = await added(workspaceId, async () => {
    res = await api(...request);
  });
  expect(res?.status, JSON.stringify(res?.json)).toBe(status);
  expect(rowsAdded.map((r) => r.action)).toHaveLength(1);
  return { row: rowsAdded[0] as Row, res: res! };
}

describe("each admin action writes exactly one row, with before and after", () => {
  it("workspace, members, channels, invites, posts and the MFA policy", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    const ws = workspace.id;
    const base = `/api/v1/workspaces/${ws}`;
    const [first] = await rows(ws);
    expect(first).toMatchObject({
      seq: 1,
      action: "workspace.created",
      actorId: owner.id,
      actorKind: "person",
      targetType: "workspace",
      targetId: ws,
      before: null,
      after: { name: workspace.name, slug: workspace.slug, requireMfa: false },
      prevHash: "0".repeat(64),
    });

    const member = await memberOf(ws, "MEMBER");
    const headers = { "x-forwarded-for": "203.0.113.7, 10.0.0.1", "x-request-id": "req-role-change" };
    const role = await oneRow(ws, 200, "PATCH", `${base}/members/${member.user.id}`, {
      cookie,
      headers,
      body: { role: "ADMIN" },
    });
    expect(role.row).toMatchObject({
      action: "member.role_changed",
      actorId: owner.id,
      actorKind: "person",
      actorTokenId: null,
      targetType: "member",
      targetId: member.user.id,
      before: { role: "MEMBER" },
      after: { role: "ADMIN" },
      requestId: "req-role-change",
      clientAddress: "203.0.113.7",
    });
    // The same role again changes nothing and records nothing.
    expect(
      await added(ws, () => api("PATCH", `${base}/members/${member.user.id}`, { cookie, body: { role: "ADMIN" } })),
    ).toEqual([]);

    const channel = await oneRow(ws, 201, "POST", `${base}/channels`, {
      cookie,
      body: { name: "secret-plans", kind: "PRIVATE", description: "d" },
    });
    const channelId = (channel.res.json as { data: { id: string } }).data.id;
    expect(channel.row).toMatchObject({
      action: "channel.created",
      targetType: "channel",
      targetId: channelId,
      before: null,
      after: { name: "secret-plans", kind: "PRIVATE", description: "d" },
    });
    const renamed = await oneRow(ws, 200, "PATCH", `${base}/channels/${channelId}`, {
      cookie,
      body: { name: "open-plans", description: "d" },
    });
    expect(renamed.row).toMatchObject({
      action: "channel.updated",
      before: { name: "secret-plans" },
      after: { name: "open-plans" },
    });
    const archived = await oneRow(ws, 200, "PATCH", `${base}/channels/${channelId}`, {
      cookie,
      body: { archived: true },
    });
    expect(archived.row).toMatchObject({
      action: "channel.archived",
      before: { name: "open-plans", archivedAt: null },
      after: { name: "open-plans" },
    });
    expect(Object.keys(archived.row.before as object).sort()).toEqual(["archivedAt", "name"]);
    expect((archived.row.after as { archivedAt: string }).archivedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const unarchived = await oneRow(ws, 200, "PATCH", `${base}/channels/${channelId}`, {
      cookie,
      body: { archived: false },
    });
    expect(unarchived.row).toMatchObject({ action: "channel.unarchived", after: { archivedAt: null } });
    expect(
      await added(ws, () => api("PATCH", `${base}/channels/${channelId}`, { cookie, body: { description: "d" } })),
    ).toEqual([]);

    const other = await memberOf(ws, "MEMBER");
    const addedToChannel = await oneRow(ws, 201, "POST", `${base}/channels/${channelId}/members`, {
      cookie,
      body: { userId: other.user.id },
    });
    expect(addedToChannel.row).toMatchObject({
      action: "channel.member_added",
      targetType: "member",
      targetId: other.user.id,
      before: { channelId, member: false },
      after: { channelId, member: true },
    });
    const removedFromChannel = await oneRow(
      ws,
      204,
      "DELETE",
      `${base}/channels/${channelId}/members/${other.user.id}`,
      {
        cookie,
      },
    );
    expect(removedFromChannel.row).toMatchObject({ action: "channel.member_removed", after: { member: false } });

    const post = await api("POST", `${base}/channels/${general.id}/posts`, {
      cookie: other.cookie,
      body: { title: "Off topic", body: "b" },
    });
    const deleted = await oneRow(ws, 204, "DELETE", `${base}/posts/${post.json.data.id}`, { cookie });
    expect(deleted.row).toMatchObject({
      action: "post.deleted",
      targetId: post.json.data.id,
      before: { authorId: other.user.id, channelId: general.id, title: "Off topic" },
      after: null,
    });
    // Authors deleting their own posts is not an admin action.
    const own = await api("POST", `${base}/channels/${general.id}/posts`, { cookie, body: { title: "t", body: "b" } });
    expect(await added(ws, () => api("DELETE", `${base}/posts/${own.json.data.id}`, { cookie }))).toEqual([]);

    const invite = await oneRow(ws, 201, "POST", `${base}/invites`, {
      cookie,
      body: { email: "newcomer@example.test", role: "GUEST" },
    });
    const inviteId = (invite.res.json as { data: { id: string } }).data.id;
    expect(invite.row).toMatchObject({
      action: "invite.created",
      targetType: "invite",
      targetId: inviteId,
      after: { email: "newcomer@example.test", role: "GUEST" },
    });
    const resent = await oneRow(ws, 200, "POST", `${base}/invites/${inviteId}/resend`, { cookie });
    expect(resent.row).toMatchObject({ action: "invite.resent", targetId: inviteId });
    const revoked = await oneRow(ws, 200, "DELETE", `${base}/invites/${inviteId}`, { cookie });
    expect(revoked.row).toMatchObject({ action: "invite.revoked", before: { revokedAt: null } });
    expect(await added(ws, () => api("DELETE", `${base}/invites/${inviteId}`, { cookie }))).toEqual([]);

    const removed = await oneRow(ws, 204, "DELETE", `${base}/members/${other.user.id}`, { cookie });
    expect(removed.row).toMatchObject({
      action: "member.removed",
      targetId: other.user.id,
      before: { role: "MEMBER", handle: other.user.handle },
      after: null,
    });
    const left = await oneRow(ws, 204, "DELETE", `${base}/members/${member.user.id}`, { cookie: member.cookie });
    expect(left.row).toMatchObject({ action: "member.left", actorId: member.user.id, targetId: member.user.id });

    await (
      await getDb()
    ).totpFactor.create({
      data: { userId: owner.id, secret: "JBSWY3DPEHPK3PXP", confirmedAt: new Date() },
    });
    const mfa = await oneRow(ws, 200, "PATCH", base, { cookie, body: { requireMfa: true } });
    expect(mfa.row).toMatchObject({
      action: "workspace.mfa_policy_changed",
      targetType: "workspace",
      targetId: ws,
      before: { requireMfa: false },
      after: { requireMfa: true },
    });

    // A refused action writes nothing.
    expect(
      await added(ws, () => api("PATCH", `${base}/members/${owner.id}`, { cookie, body: { role: "GUEST" } })),
    ).toEqual([]);
    expect(await verifyAuditChain(ws)).toMatchObject({ broken: null, rows: (await rows(ws)).length });
  }, 120_000);

  it("tokens: created and revoked, by a person and through an API token, never with the secret", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const created = await oneRow(workspace.id, 201, "POST", `${base}/tokens`, {
      cookie,
      body: { name: "ci", scopes: ["admin"] },
    });
    const { id: tokenId, token } = (created.res.json as { data: { id: string; token: string } }).data;
    expect(created.row).toMatchObject({
      action: "token.created",
      actorKind: "person",
      targetType: "token",
      targetId: tokenId,
      before: null,
      after: { name: "ci", ownerId: owner.id, scopes: ["admin"], revokedAt: null },
    });
    const stored = await (await getDb()).apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(JSON.stringify(created.row)).not.toContain(token);
    expect(JSON.stringify(created.row)).not.toContain(stored.tokenHash);

    const second = await oneRow(workspace.id, 201, "POST", `${base}/tokens`, {
      token,
      body: { name: "made by a script", scopes: ["posts:read"] },
    });
    expect(second.row).toMatchObject({ actorKind: "token", actorId: owner.id, actorTokenId: tokenId });
    const secondId = (second.res.json as { data: { id: string } }).data.id;
    const revoked = await oneRow(workspace.id, 200, "DELETE", `${base}/tokens/${secondId}`, { token });
    expect(revoked.row).toMatchObject({
      action: "token.revoked",
      actorKind: "token",
      actorTokenId: tokenId,
      before: { name: "made by a script", revokedAt: null },
    });
    expect((revoked.row.after as { revokedAt: string | null }).revokedAt).not.toBeNull();
    // Revoking again changes nothing.
    expect(await added(workspace.id, () => api("DELETE", `${base}/tokens/${secondId}`, { token }))).toEqual([]);
  });
});

describe("recordAudit", () => {
  it("webhooks: registered, changed, disabled, secret rotated and deleted, never with the secret", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}/webhooks`;
    const url = "https://hooks.example.com/tidings";
    const created = await oneRow(workspace.id, 201, "POST", base, {
      cookie,
      body: { url, events: ["post.created"], description: "CI" },
    });
    const { id, secret } = (created.res.json as { data: { id: string; secret: string } }).data;
    expect(created.row).toMatchObject({
      action: "webhook.created",
      targetType: "webhook",
      targetId: id,
      before: null,
      after: { url, description: "CI", events: ["post.created"] },
    });
    const changed = await oneRow(workspace.id, 200, "PATCH", `${base}/${id}`, {
      cookie,
      body: { events: ["post.created", "comment.created"] },
    });
    expect(changed.row).toMatchObject({
      action: "webhook.updated",
      before: { events: ["post.created"] },
      after: { events: ["post.created", "comment.created"] },
    });
    const off = await oneRow(workspace.id, 200, "PATCH", `${base}/${id}`, { cookie, body: { enabled: false } });
    expect(off.row).toMatchObject({ action: "webhook.disabled", after: { enabled: false } });
    expect(
      await added(workspace.id, () => api("PATCH", `${base}/${id}`, { cookie, body: { enabled: false } })),
    ).toEqual([]);
    const rotated = await oneRow(workspace.id, 200, "POST", `${base}/${id}/rotate-secret`, { cookie, body: {} });
    expect(rotated.row.action).toBe("webhook.secret_rotated");
    const removed = await oneRow(workspace.id, 200, "DELETE", `${base}/${id}`, { cookie });
    expect(removed.row).toMatchObject({ action: "webhook.deleted", before: { url }, after: null });
    const everything = JSON.stringify(await rows(workspace.id));
    expect(everything).not.toContain(secret);
    expect(everything).not.toContain((rotated.res.json as { data: { secret: string } }).data.secret);
  });

  it("refuses a before/after field named like a secret, and the transaction writes nothing", async () => {
    const { owner, workspace } = await createWorkspaceWithOwner();
    const db = await getDb();
    const actor = { userId: owner.id, via: "session" as const, roles: {}, scopes: new Set<never>() };
    const entry = { workspaceId: workspace.id, actor, target: { type: "webhook" as const, id: "wh1" } };
    const before = await rows(workspace.id);
    for (const after of [
      { signingSecret: "whsec_x" },
      { tokenHash: "ab" },
      { nested: { password: "p" } },
      { token: "t" },
    ])
      await expect(
        transaction(db, (tx) => recordAudit(tx, { ...entry, action: "webhook.created", after })),
      ).rejects.toThrow(/looks like a secret/);
    expect(await rows(workspace.id)).toEqual(before);
    // Facts about a secret are fine; a system actor is recorded as such.
    await transaction(db, (tx) =>
      recordAudit(tx, {
        ...entry,
        actor: null,
        action: "webhook.secret_rotated",
        after: { secretRotatedAt: new Date(0) },
      }),
    );
    expect((await rows(workspace.id)).at(-1)).toMatchObject({
      actorKind: "system",
      actorId: null,
      after: { secretRotatedAt: "1970-01-01T00:00:00.000Z" },
    });
    await expect(
      transaction(db, (tx) => recordAudit(tx, { ...entry, action: "webhook.exploded" as "webhook.created" })),
    ).rejects.toThrow();
  });
});

describe("joining through an invite", () => {
  it("records member.joined once, by the person who accepted (accepting again records nothing)", async () => {
    const runtime = useEmbeddedRuntime();
    try {
      const { cookie, workspace } = await createWorkspaceWithOwner();
      const base = `/api/v1/workspaces/${workspace.id}/invites`;
      const invitee = await createUser();
      const invite = await api("POST", base, { cookie, body: { email: invitee.email, role: "GUEST" } });
      await runtime.drain();
      const mail = (await listMailTo(await getDb(), invitee.email)).find((m) => m.subject.includes("invited you"));
      const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
      expect(token).toBeTruthy();
      const inviteeCookie = await sessionCookie(invitee.id);
      const joined = await oneRow(workspace.id, 200, "POST", `${base}/accept`, {
        cookie: inviteeCookie,
        body: { token },
      });
      expect(joined.row).toMatchObject({
        action: "member.joined",
        actorId: invitee.id,
        targetType: "member",
        targetId: invitee.id,
        before: null,
        after: { role: "GUEST", handle: invitee.handle, inviteId: invite.json.data.id },
      });
      expect(
        await added(workspace.id, () => api("POST", `${base}/accept`, { cookie: inviteeCookie, body: { token } })),
      ).toEqual([]);
    } finally {
      runtime.uninstall();
    }
  });
});

describe("the hash chain", () => {
  it("stays one valid chain under concurrent admin actions", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const members = await Promise.all([1, 2, 3, 4].map(() => memberOf(workspace.id, "MEMBER")));
    const results = await Promise.all([
      ...members.map((m) => api("PATCH", `${base}/members/${m.user.id}`, { cookie, body: { role: "ADMIN" } })),
      ...[1, 2, 3, 4].map((i) => api("POST", `${base}/channels`, { cookie, body: { name: `c${i}` } })),
      ...[1, 2, 3].map((i) => api("POST", `${base}/tokens`, { cookie, body: { name: `t${i}`, scopes: ["admin"] } })),
    ]);
    expect(results.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
    const chain = await rows(workspace.id);
    expect(chain.map((r) => r.seq)).toEqual(chain.map((_, i) => i + 1));
    expect(chain).toHaveLength(1 + 11);
    for (let i = 1; i < chain.length; i++) expect(chain[i]?.prevHash).toBe(chain[i - 1]?.hash);
    expect(await verifyAuditChain(workspace.id)).toEqual({
      workspaceId: workspace.id,
      rows: 12,
      head: chain[11]?.hash,
      broken: null,
    });
  });

  it("a row changed in SQL breaks verification at that row; a row removed, at the one after it", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    for (const name of ["a", "b", "c", "d"]) await api("POST", `${base}/channels`, { cookie, body: { name } });
    const chain = await rows(workspace.id);
    expect(chain).toHaveLength(5);
    expect((await verifyAuditChain(workspace.id)).broken).toBeNull();
    const db = await getDb();

    const third = chain[2] as Row;
    await db.$executeRaw`UPDATE "AuditEvent" SET "after" = jsonb_set("after", '{name}', '"z"') WHERE id = ${third.id}`;
    expect(await verifyAuditChain(workspace.id)).toEqual({
      workspaceId: workspace.id,
      rows: 3,
      head: chain[1]?.hash,
      broken: { seq: 3, id: third.id, reason: expect.stringMatching(/hash does not match its contents/) },
    });
    // Recomputing the changed row's own hash does not help: the next row's prevHash no longer matches.
    await db.$executeRaw`UPDATE "AuditEvent" SET "after" = ${JSON.stringify(third.after)}::jsonb WHERE id = ${third.id}`;
    expect((await verifyAuditChain(workspace.id)).broken).toBeNull();
    await db.$executeRaw`UPDATE "AuditEvent" SET "actorId" = NULL, "actorKind" = 'system' WHERE id = ${third.id}`;
    expect((await verifyAuditChain(workspace.id)).broken?.seq).toBe(3);
    await db.$executeRaw`UPDATE "AuditEvent" SET "actorId" = ${third.actorId}, "actorKind" = 'person' WHERE id = ${third.id}`;

    await db.$executeRaw`DELETE FROM "AuditEvent" WHERE id = ${(chain[1] as Row).id}`;
    expect((await verifyAuditChain(workspace.id)).broken).toEqual({
      seq: 3,
      id: third.id,
      reason: expect.stringMatching(/expected seq 2, found 3/),
    });
  });
});

describe("reading the log: owners only", () => {
  it("owner (session, admin-scoped token) reads and exports; others are refused, outsiders get 404", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const outsider = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const admin = await memberOf(workspace.id, "ADMIN");
    const member = await memberOf(workspace.id, "MEMBER");
    const guest = await memberOf(workspace.id, "GUEST");
    const token = async (c: string, scopes: string[]) =>
      (await api("POST", `${base}/tokens`, { cookie: c, body: { name: "t", scopes } })).json.data.token as string;
    const ownerAdminToken = await token(cookie, ["admin"]);
    const ownerReadToken = await token(cookie, ["posts:read", "members:read", "workspace:read"]);
    const adminToken = await token(admin.cookie, ["admin"]);

    for (const path of [`${base}/audit`, `${base}/audit/export`]) {
      for (const auth of [{ cookie }, { token: ownerAdminToken }]) {
        const res = await api("GET", path, auth);
        expect(res.status, path).toBe(200);
        expect((res.json as unknown[] | { data: unknown[] }) instanceof Array ? res.json : res.json.data).toEqual(
          expect.arrayContaining([expect.objectContaining({ action: "workspace.created" })]),
        );
      }
      for (const [who, auth] of [
        ["an admin", { cookie: admin.cookie }],
        ["a member", { cookie: member.cookie }],
        ["a guest", { cookie: guest.cookie }],
        ["an admin's admin token", { token: adminToken }],
      ] as const) {
        const res = await api("GET", path, auth);
        expect({ who, status: res.status, code: res.json?.error?.code }).toEqual({
          who,
          status: 403,
          code: "FORBIDDEN",
        });
        expect(res.json.error.message).toMatch(/owners/);
      }
      const scoped = await api("GET", path, { token: ownerReadToken });
      expect([scoped.status, scoped.json.error.message]).toEqual([403, expect.stringMatching(/admin/)]);
      expect((await api("GET", path, { cookie: outsider.cookie })).status).toBe(404);
      expect((await api("GET", path)).status).toBe(401);
    }
  });
});

describe("filters, pagination and the export", () => {
  it("filters by action, actor, target and time; pages newest first with a cursor; exports oldest first", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const admin = await memberOf(workspace.id, "ADMIN");
    for (const name of ["one", "two", "three"]) await api("POST", `${base}/channels`, { cookie, body: { name } });
    const byAdmin = await api("POST", `${base}/channels`, {
      cookie: admin.cookie,
      body: { name: "four", kind: "ANNOUNCEMENT" },
    });
    await api("PATCH", `${base}/channels/${byAdmin.json.data.id}`, { cookie, body: { archived: true } });
    const all = await rows(workspace.id);
    expect(all).toHaveLength(6);

    const list = (query: string) => api("GET", `${base}/audit?${query}`, { cookie });
    const seqs = (res: { json: { data: { seq: number }[] } }) => res.json.data.map((e) => e.seq);

    expect(seqs(await list(""))).toEqual([6, 5, 4, 3, 2, 1]);
    expect(seqs(await list("action=channel.created"))).toEqual([5, 4, 3, 2]);
    expect(seqs(await list(`actor=${admin.user.id}`))).toEqual([5]);
    expect(seqs(await list(`actor=${owner.id}&action=channel.archived`))).toEqual([6]);
    expect(seqs(await list(`targetType=channel&targetId=${byAdmin.json.data.id}`))).toEqual([6, 5]);
    expect(seqs(await list("targetType=workspace"))).toEqual([1]);
    const third = all[2] as Row & { createdAt: Date };
    expect(seqs(await list(`since=${third.createdAt.toISOString()}`))).toEqual([6, 5, 4, 3]);
    expect(seqs(await list(`until=${third.createdAt.toISOString()}`))).toEqual(expect.arrayContaining([3, 2, 1]));
    expect(seqs(await list("until=2000-01-01"))).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(seqs(await list(`since=${today}&until=${today}`))).toHaveLength(6);

    const first = await list("limit=4");
    expect(seqs(first)).toEqual([6, 5, 4, 3]);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await list(`limit=4&cursor=${first.json.nextCursor}`);
    expect(seqs(second)).toEqual([2, 1]);
    expect(second.json.nextCursor).toBeNull();
    const filtered = await list(`limit=2&action=channel.created&cursor=${first.json.nextCursor}`);
    expect(seqs(filtered)).toEqual([2]);

    const page = first.json.data[0];
    expect(page).toMatchObject({
      seq: 6,
      action: "channel.archived",
      actor: { kind: "person", userId: owner.id, tokenId: null },
      target: { type: "channel", id: byAdmin.json.data.id },
      hash: all[5]?.hash,
      prevHash: all[4]?.hash,
    });

    const exported = await api("GET", `${base}/audit/export`, { cookie });
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    expect(exported.headers.get("content-disposition")).toMatch(/attachment; filename=".+\.jsonl"/);
    expect(exported.text?.endsWith("\n")).toBe(true);
    expect((exported.json as { seq: number }[]).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(exported.json[5]).toEqual(page);
    const exportedFiltered = await api("GET", `${base}/audit/export?action=channel.created&actor=${owner.id}`, {
      cookie,
    });
    expect((exportedFiltered.json as { seq: number }[]).map((e) => e.seq)).toEqual([2, 3, 4]);
  });

  it("exports a log longer than one page, every row once, in chain order", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const db = await getDb();
    // Rows inserted directly (the export reads, it does not verify): more than two export pages' worth.
    await db.auditEvent.createMany({
      data: Array.from({ length: 1_100 }, (_, i) => ({
        workspaceId: workspace.id,
        seq: i + 2,
        actorKind: "system",
        action: "channel.updated",
        targetType: "channel",
        targetId: `c${i}`,
        createdAt: new Date(),
        prevHash: "x",
        hash: `h${i}`,
      })),
    });
    const res = await api("GET", `/api/v1/workspaces/${workspace.id}/audit/export`, { cookie });
    const exported = res.json as { seq: number }[];
    expect(exported).toHaveLength(1_101);
    expect(exported.map((e) => e.seq)).toEqual(Array.from({ length: 1_101 }, (_, i) => i + 1));
  });

  it.each([
    ["an unknown action", "action=member.promoted"],
    ["an unknown target type", "targetType=planet"],
    ["a malformed actor id", "actor=a%20b"],
    ["a date that is not one", "since=yesterday"],
    ["an impossible date", "until=2026-02-30"],
    ["a cursor this API did not issue", "cursor=abc"],
    [
      "a cursor of another list",
      `cursor=${Buffer.from(JSON.stringify(["2026-01-01T00:00:00.000Z", "x"])).toString("base64url")}`,
    ],
    ["a limit too large", "limit=101"],
    ["an unknown parameter", "sort=asc"],
  ])("%s → 422", async (_, query) => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    for (const path of ["audit", "audit/export"]) {
      // The export takes the filters only.
      if (path === "audit/export" && /^(cursor|limit)=/.test(query)) continue;
      const res = await api("GET", `/api/v1/workspaces/${workspace.id}/${path}?${query}`, { cookie });
      expect({ path, status: res.status, code: res.json?.error?.code }).toEqual({
        path,
        status: 422,
        code: "VALIDATION_FAILED",
      });
    }
    const exported = await api("GET", `/api/v1/workspaces/${workspace.id}/audit/export?cursor=abc`, { cookie });
    expect(exported.status).toBe(422);
  });
});
