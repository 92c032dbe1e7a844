import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { api } from "../support/api";
import { addMember, createUser, createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";

describe("workspaces", () => {
  it("creates a workspace: the creator is OWNER and #general exists with them in it", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const res = await api("POST", "/api/v1/workspaces", { cookie, body: { name: "  Acme Rockets!  " } });
    expect(res.status).toBe(201);
    expect(res.json.data).toMatchObject({ name: "Acme Rockets!", slug: "acme-rockets", role: "OWNER" });

    // The old cookie (issued before the workspace existed) already sees it.
    const got = await api("GET", `/api/v1/workspaces/${res.json.data.id}`, { cookie });
    expect(got.status).toBe(200);
    expect(got.json.data).toMatchObject({ id: res.json.data.id, role: "OWNER" });

    const channels = await api("GET", `/api/v1/workspaces/${res.json.data.id}/channels`, { cookie });
    expect(channels.json.data).toEqual([
      expect.objectContaining({ name: "general", kind: "PUBLIC", isMember: true, archivedAt: null }),
    ]);
    const members = await api("GET", `/api/v1/workspaces/${res.json.data.id}/members`, { cookie });
    expect(members.json.data).toEqual([expect.objectContaining({ userId: user.id, role: "OWNER", email: user.email })]);
  });

  it("gives a second workspace of the same name its own slug", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const name = `Dup ${Date.now()}`;
    const a = await api("POST", "/api/v1/workspaces", { cookie, body: { name } });
    const b = await api("POST", "/api/v1/workspaces", { cookie, body: { name } });
    expect(b.status).toBe(201);
    expect(b.json.data.slug).not.toBe(a.json.data.slug);
    expect(b.json.data.slug.startsWith(a.json.data.slug)).toBe(true);
  });

  it("lists only the caller's workspaces with their role in each", async () => {
    const a = await createWorkspaceWithOwner("Alpha");
    const b = await createWorkspaceWithOwner("Beta");
    await addMember(b.workspace.id, a.owner.id, "GUEST");
    const list = await api("GET", "/api/v1/workspaces", { cookie: a.cookie });
    expect(list.status).toBe(200);
    expect(list.json.data.map((w: { id: string; role: string }) => [w.id, w.role])).toEqual([
      [a.workspace.id, "OWNER"],
      [b.workspace.id, "GUEST"],
    ]);
    const onlyB = await api("GET", "/api/v1/workspaces", { cookie: b.cookie });
    expect(onlyB.json.data.map((w: { id: string }) => w.id)).toEqual([b.workspace.id]);
  });

  it("hides other workspaces (404) and unknown ids (404)", async () => {
    const a = await createWorkspaceWithOwner();
    const b = await createWorkspaceWithOwner();
    const other = await api("GET", `/api/v1/workspaces/${b.workspace.id}`, { cookie: a.cookie });
    expect(other.status).toBe(404);
    expect(other.json.error).toMatchObject({ code: "NOT_FOUND" });
    expect((await api("GET", "/api/v1/workspaces/nope", { cookie: a.cookie })).status).toBe(404);
    expect((await api("GET", `/api/v1/workspaces/${b.workspace.id}/members`, { cookie: a.cookie })).status).toBe(404);
  });
});

describe("members", () => {
  it("lists members for members, not for guests", async () => {
    const { workspace, owner } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const guest = await memberOf(workspace.id, "GUEST");
    const list = await api("GET", `/api/v1/workspaces/${workspace.id}/members`, { cookie: member.cookie });
    expect(list.status).toBe(200);
    expect(new Set(list.json.data.map((m: { userId: string; role: string }) => `${m.userId}:${m.role}`))).toEqual(
      new Set([`${owner.id}:OWNER`, `${member.user.id}:MEMBER`, `${guest.user.id}:GUEST`]),
    );
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}/members`, { cookie: guest.cookie })).status).toBe(403);
  });

  const roleOf = async (workspaceId: string, userId: string) =>
    (await (await getDb()).membership.findUnique({ where: { workspaceId_userId: { workspaceId, userId } } }))?.role;

  it("admins change roles of members, admins and guests, but never touch owners", async () => {
    const { workspace, owner } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const member = await memberOf(workspace.id, "MEMBER");
    const base = `/api/v1/workspaces/${workspace.id}/members`;

    const up = await api("PATCH", `${base}/${member.user.id}`, { cookie: admin.cookie, body: { role: "ADMIN" } });
    expect(up.status).toBe(200);
    expect(up.json.data).toMatchObject({ userId: member.user.id, role: "ADMIN" });
    expect(await roleOf(workspace.id, member.user.id)).toBe("ADMIN");
    expect(
      (await api("PATCH", `${base}/${member.user.id}`, { cookie: admin.cookie, body: { role: "GUEST" } })).status,
    ).toBe(200);

    for (const [target, role] of [
      [owner.id, "MEMBER"],
      [member.user.id, "OWNER"],
    ] as const) {
      const res = await api("PATCH", `${base}/${target}`, { cookie: admin.cookie, body: { role } });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("FORBIDDEN");
    }
    expect(await roleOf(workspace.id, owner.id)).toBe("OWNER");
    expect(await roleOf(workspace.id, member.user.id)).toBe("GUEST");
    expect((await api("DELETE", `${base}/${owner.id}`, { cookie: admin.cookie })).status).toBe(403);
    expect(await roleOf(workspace.id, owner.id)).toBe("OWNER");
  });

  it("members and guests change no roles", async () => {
    const { workspace } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const guest = await memberOf(workspace.id, "GUEST");
    const base = `/api/v1/workspaces/${workspace.id}/members`;
    expect(
      (await api("PATCH", `${base}/${guest.user.id}`, { cookie: member.cookie, body: { role: "MEMBER" } })).status,
    ).toBe(403);
    expect(
      (await api("PATCH", `${base}/${member.user.id}`, { cookie: guest.cookie, body: { role: "GUEST" } })).status,
    ).toBe(403);
    expect((await api("DELETE", `${base}/${guest.user.id}`, { cookie: member.cookie })).status).toBe(403);
    expect(await roleOf(workspace.id, guest.user.id)).toBe("GUEST");
  });

  it("nobody changes their own role", async () => {
    const { workspace, owner, cookie } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const base = `/api/v1/workspaces/${workspace.id}/members`;
    const self = await api("PATCH", `${base}/${admin.user.id}`, { cookie: admin.cookie, body: { role: "OWNER" } });
    expect(self.status).toBe(403);
    expect(self.json.error.message).toMatch(/own role/);
    expect((await api("PATCH", `${base}/${owner.id}`, { cookie, body: { role: "ADMIN" } })).status).toBe(403);
    expect(await roleOf(workspace.id, admin.user.id)).toBe("ADMIN");
  });

  it("the last owner cannot be demoted or removed (409); with two owners one can go", async () => {
    const { workspace, owner, cookie } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}/members`;
    const leave = await api("DELETE", `${base}/${owner.id}`, { cookie });
    expect(leave.status).toBe(409);
    expect(leave.json.error).toMatchObject({ code: "CONFLICT" });
    expect(leave.json.error.message).toMatch(/owner/);
    expect(await roleOf(workspace.id, owner.id)).toBe("OWNER");

    const second = await memberOf(workspace.id, "ADMIN");
    expect((await api("PATCH", `${base}/${second.user.id}`, { cookie, body: { role: "OWNER" } })).status).toBe(200);
    // Now the second owner demotes the first, who is then the one whose demotion would leave none.
    expect((await api("PATCH", `${base}/${owner.id}`, { cookie: second.cookie, body: { role: "ADMIN" } })).status).toBe(
      200,
    );
    const last = await api("PATCH", `${base}/${second.user.id}`, { cookie, body: { role: "MEMBER" } });
    expect(last.status).toBe(403); // an admin does not touch owners, whatever the count
    const lastByOwner = await api("DELETE", `${base}/${second.user.id}`, { cookie: second.cookie });
    expect(lastByOwner.status).toBe(409);
    expect(await roleOf(workspace.id, second.user.id)).toBe("OWNER");
  });

  it("two owners demoting or removing each other at the same time never leave the workspace without one", async () => {
    for (let round = 0; round < 5; round++) {
      const { workspace, owner, cookie } = await createWorkspaceWithOwner();
      const second = await memberOf(workspace.id, "ADMIN");
      const base = `/api/v1/workspaces/${workspace.id}/members`;
      expect((await api("PATCH", `${base}/${second.user.id}`, { cookie, body: { role: "OWNER" } })).status).toBe(200);
      const results = await Promise.all([
        api("PATCH", `${base}/${second.user.id}`, { cookie, body: { role: "MEMBER" } }),
        round % 2
          ? api("DELETE", `${base}/${owner.id}`, { cookie: second.cookie })
          : api("PATCH", `${base}/${owner.id}`, { cookie: second.cookie, body: { role: "ADMIN" } }),
      ]);
      // One wins; the other is refused: as the last owner (409), or because its actor was just demoted (403)
      // or removed (404) before its own request was authenticated.
      const [won, lost] = results.map((r) => r.status).sort();
      expect([200, 204]).toContain(won);
      expect([403, 404, 409]).toContain(lost);
      const owners = await (await getDb()).membership.count({ where: { workspaceId: workspace.id, role: "OWNER" } });
      expect(owners).toBe(1);
    }
  });

  it("removes a member (and their channel memberships); members may leave", async () => {
    const { workspace, general, cookie } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const leaver = await memberOf(workspace.id, "MEMBER");
    const base = `/api/v1/workspaces/${workspace.id}/members`;
    const db = await getDb();
    expect(await db.channelMember.count({ where: { channelId: general.id, userId: member.user.id } })).toBe(1);

    expect((await api("DELETE", `${base}/${member.user.id}`, { cookie })).status).toBe(204);
    expect(await roleOf(workspace.id, member.user.id)).toBeUndefined();
    expect(await db.channelMember.count({ where: { channelId: general.id, userId: member.user.id } })).toBe(0);
    expect((await api("DELETE", `${base}/${member.user.id}`, { cookie })).status).toBe(404);

    expect((await api("DELETE", `${base}/${leaver.user.id}`, { cookie: leaver.cookie })).status).toBe(204);
    expect(await roleOf(workspace.id, leaver.user.id)).toBeUndefined();
    const list = await api("GET", base, { cookie });
    expect(list.json.data).toHaveLength(1);
  });

  it("404 for a user who is not a member", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const stranger = await createUser();
    const base = `/api/v1/workspaces/${workspace.id}/members`;
    expect((await api("PATCH", `${base}/${stranger.id}`, { cookie, body: { role: "ADMIN" } })).status).toBe(404);
    expect((await api("DELETE", `${base}/${stranger.id}`, { cookie })).status).toBe(404);
    expect(await roleOf(workspace.id, stranger.id)).toBeUndefined();
  });
});
