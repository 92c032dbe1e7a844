import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { api } from "../support/api";
import { createUser, createWorkspaceWithOwner, memberOf } from "../factories";

type Kind = "PUBLIC" | "PRIVATE" | "ANNOUNCEMENT";

async function setup() {
  const ws = await createWorkspaceWithOwner();
  const base = `/api/v1/workspaces/${ws.workspace.id}`;
  const admin = await memberOf(ws.workspace.id, "ADMIN");
  const member = await memberOf(ws.workspace.id, "MEMBER");
  const guest = await memberOf(ws.workspace.id, "GUEST");
  const create = async (cookie: string, name: string, kind: Kind = "PUBLIC") => {
    const res = await api("POST", `${base}/channels`, { cookie, body: { name, kind } });
    expect(res.status).toBe(201);
    return res.json.data as { id: string; name: string; kind: Kind };
  };
  const names = async (cookie: string) =>
    ((await api("GET", `${base}/channels`, { cookie })).json.data as { name: string }[]).map((c) => c.name);
  return { ...ws, base, admin, member, guest, create, names };
}

const channelCount = async (workspaceId: string) => (await getDb()).channel.count({ where: { workspaceId } });

describe("creating channels", () => {
  it.each([
    ["MEMBER", "PUBLIC", 201],
    ["MEMBER", "PRIVATE", 403],
    ["MEMBER", "ANNOUNCEMENT", 403],
    ["GUEST", "PUBLIC", 403],
    ["GUEST", "PRIVATE", 403],
    ["ADMIN", "PUBLIC", 201],
    ["ADMIN", "PRIVATE", 201],
    ["ADMIN", "ANNOUNCEMENT", 201],
    ["OWNER", "PRIVATE", 201],
    ["OWNER", "ANNOUNCEMENT", 201],
  ] as const)("%s creates %s → %i", async (who, kind, status) => {
    const s = await setup();
    const cookie =
      who === "OWNER"
        ? s.cookie
        : who === "ADMIN"
          ? s.admin.cookie
          : who === "MEMBER"
            ? s.member.cookie
            : s.guest.cookie;
    const before = await channelCount(s.workspace.id);
    const res = await api("POST", `${s.base}/channels`, {
      cookie,
      body: { name: "new-one", kind, description: "about" },
    });
    expect(res.status).toBe(status);
    expect(await channelCount(s.workspace.id)).toBe(before + (status === 201 ? 1 : 0));
    if (status === 201)
      expect(res.json.data).toMatchObject({
        name: "new-one",
        kind,
        description: "about",
        isMember: true,
        archivedAt: null,
      });
    else expect(res.json.error.code).toBe("FORBIDDEN");
  });

  it("names are unique per workspace (case-insensitively) → 409", async () => {
    const s = await setup();
    await s.create(s.cookie, "design");
    const dup = await api("POST", `${s.base}/channels`, { cookie: s.cookie, body: { name: "Design" } });
    expect(dup.status).toBe(409);
    expect(dup.json.error.code).toBe("CONFLICT");
    // Another workspace may use the name.
    const other = await createWorkspaceWithOwner();
    expect(
      (
        await api("POST", `/api/v1/workspaces/${other.workspace.id}/channels`, {
          cookie: other.cookie,
          body: { name: "design" },
        })
      ).status,
    ).toBe(201);
  });
});

describe("races", () => {
  it("two people creating the same channel name at once: one 201, one 409, no 500", async () => {
    const s = await setup();
    const results = await Promise.all([
      api("POST", `${s.base}/channels`, { cookie: s.cookie, body: { name: "same-time" } }),
      api("POST", `${s.base}/channels`, { cookie: s.admin.cookie, body: { name: "same-time" } }),
      api("POST", `${s.base}/channels`, { cookie: s.member.cookie, body: { name: "same-time" } }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    for (const r of results.filter((x) => x.status === 409)) expect(r.json.error.code).toBe("CONFLICT");
    expect(await (await getDb()).channel.count({ where: { workspaceId: s.workspace.id, name: "same-time" } })).toBe(1);
  });

  it("joining the same channel twice at once succeeds both times", async () => {
    const s = await setup();
    const ch = await s.create(s.cookie, "popular");
    const join = () =>
      api("POST", `${s.base}/channels/${ch.id}/members`, {
        cookie: s.member.cookie,
        body: { userId: s.member.user.id },
      });
    const results = await Promise.all([join(), join(), join()]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(await (await getDb()).channelMember.count({ where: { channelId: ch.id, userId: s.member.user.id } })).toBe(
      1,
    );
  });
});

describe("managing channels", () => {
  it("admins rename and describe; members and guests cannot", async () => {
    const s = await setup();
    const ch = await s.create(s.member.cookie, "random");
    const url = `${s.base}/channels/${ch.id}`;
    expect((await api("PATCH", url, { cookie: s.member.cookie, body: { name: "renamed" } })).status).toBe(403);
    expect((await api("PATCH", url, { cookie: s.guest.cookie, body: { name: "renamed" } })).status).toBe(404);
    const ok = await api("PATCH", url, { cookie: s.admin.cookie, body: { name: "Renamed", description: "new words" } });
    expect(ok.status).toBe(200);
    expect(ok.json.data).toMatchObject({ name: "renamed", description: "new words" });
    expect((await api("GET", url, { cookie: s.member.cookie })).json.data.name).toBe("renamed");
    const clash = await api("PATCH", url, { cookie: s.admin.cookie, body: { name: "general" } });
    expect(clash.status).toBe(409);
    expect((await api("GET", url, { cookie: s.cookie })).json.data.name).toBe("renamed");
  });

  it("archiving stops posting, commenting and joining; unarchiving restores them", async () => {
    const s = await setup();
    const ch = await s.create(s.cookie, "old-stuff");
    const url = `${s.base}/channels/${ch.id}`;
    const post = await api("POST", `${url}/posts`, { cookie: s.member.cookie, body: { title: "before", body: "x" } });
    expect(post.status).toBe(201);

    expect((await api("PATCH", url, { cookie: s.member.cookie, body: { archived: true } })).status).toBe(403);
    const archived = await api("PATCH", url, { cookie: s.admin.cookie, body: { archived: true } });
    expect(archived.status).toBe(200);
    expect(archived.json.data.archivedAt).not.toBeNull();

    const db = await getDb();
    const [posts, comments] = [await db.post.count(), await db.comment.count()];
    const denied = await api("POST", `${url}/posts`, { cookie: s.member.cookie, body: { title: "after", body: "x" } });
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toMatch(/archived/);
    expect((await api("POST", `${url}/posts`, { cookie: s.cookie, body: { title: "after", body: "x" } })).status).toBe(
      403,
    );
    expect(
      (
        await api("POST", `${s.base}/posts/${post.json.data.id}/comments`, {
          cookie: s.member.cookie,
          body: { body: "hi" },
        })
      ).status,
    ).toBe(403);
    expect([await db.post.count(), await db.comment.count()]).toEqual([posts, comments]);
    // Still readable, listed after the active channels.
    expect((await api("GET", `${url}/posts`, { cookie: s.member.cookie })).json.data).toHaveLength(1);
    expect((await s.names(s.member.cookie)).at(-1)).toBe("old-stuff");

    await api("DELETE", `${url}/members/${s.member.user.id}`, { cookie: s.member.cookie });
    expect(
      (await api("POST", `${url}/members`, { cookie: s.member.cookie, body: { userId: s.member.user.id } })).status,
    ).toBe(403);

    expect(
      (await api("PATCH", url, { cookie: s.admin.cookie, body: { archived: false } })).json.data.archivedAt,
    ).toBeNull();
    expect(
      (await api("POST", `${url}/posts`, { cookie: s.member.cookie, body: { title: "again", body: "x" } })).status,
    ).toBe(201);
  });
});

describe("channel membership", () => {
  it("members join and leave public channels by themselves", async () => {
    const s = await setup();
    const ch = await s.create(s.cookie, "lunch");
    const url = `${s.base}/channels/${ch.id}`;
    expect((await api("GET", url, { cookie: s.member.cookie })).json.data.isMember).toBe(false);
    const join = await api("POST", `${url}/members`, { cookie: s.member.cookie, body: { userId: s.member.user.id } });
    expect(join.status).toBe(201);
    expect((await api("GET", url, { cookie: s.member.cookie })).json.data.isMember).toBe(true);
    // Joining twice is harmless.
    expect(
      (await api("POST", `${url}/members`, { cookie: s.member.cookie, body: { userId: s.member.user.id } })).status,
    ).toBe(201);
    expect(await (await getDb()).channelMember.count({ where: { channelId: ch.id, userId: s.member.user.id } })).toBe(
      1,
    );

    expect((await api("DELETE", `${url}/members/${s.member.user.id}`, { cookie: s.member.cookie })).status).toBe(204);
    expect((await api("GET", url, { cookie: s.member.cookie })).json.data.isMember).toBe(false);
    expect((await api("DELETE", `${url}/members/${s.member.user.id}`, { cookie: s.member.cookie })).status).toBe(404);
  });

  it("members cannot add or remove others in public channels; admins can", async () => {
    const s = await setup();
    const ch = await s.create(s.cookie, "ops");
    const url = `${s.base}/channels/${ch.id}`;
    const other = await memberOf(s.workspace.id, "MEMBER");
    expect(
      (await api("POST", `${url}/members`, { cookie: s.member.cookie, body: { userId: other.user.id } })).status,
    ).toBe(403);
    expect(
      (await api("POST", `${url}/members`, { cookie: s.admin.cookie, body: { userId: other.user.id } })).status,
    ).toBe(201);
    expect((await api("DELETE", `${url}/members/${other.user.id}`, { cookie: s.member.cookie })).status).toBe(403);
    expect(await (await getDb()).channelMember.count({ where: { channelId: ch.id, userId: other.user.id } })).toBe(1);
    expect((await api("DELETE", `${url}/members/${other.user.id}`, { cookie: s.admin.cookie })).status).toBe(204);
    expect(await (await getDb()).channelMember.count({ where: { channelId: ch.id, userId: other.user.id } })).toBe(0);
  });

  it("cannot add someone who is not in the workspace (404)", async () => {
    const s = await setup();
    const stranger = await createUser();
    const res = await api("POST", `${s.base}/channels/${s.general.id}/members`, {
      cookie: s.cookie,
      body: { userId: stranger.id },
    });
    expect(res.status).toBe(404);
    expect(await (await getDb()).channelMember.count({ where: { userId: stranger.id } })).toBe(0);
  });
});

describe("private channels", () => {
  it("are invisible to non-members (404), visible once added; their members add others", async () => {
    const s = await setup();
    const ch = await s.create(s.admin.cookie, "secret", "PRIVATE");
    const url = `${s.base}/channels/${ch.id}`;
    const post = await api("POST", `${url}/posts`, { cookie: s.admin.cookie, body: { title: "hush", body: "x" } });
    expect(post.status).toBe(201);

    for (const cookie of [s.member.cookie, s.guest.cookie, s.cookie /* the owner too, until added */]) {
      expect((await api("GET", url, { cookie })).status).toBe(404);
      expect((await api("GET", `${url}/posts`, { cookie })).status).toBe(404);
      expect((await api("GET", `${s.base}/posts/${post.json.data.id}`, { cookie })).status).toBe(404);
      expect(await s.names(cookie)).not.toContain("secret");
    }
    const join = await api("POST", `${url}/members`, { cookie: s.member.cookie, body: { userId: s.member.user.id } });
    expect(join.status).toBe(404);
    expect(
      (await api("POST", `${url}/posts`, { cookie: s.member.cookie, body: { title: "t", body: "b" } })).status,
    ).toBe(404);

    expect(
      (await api("POST", `${url}/members`, { cookie: s.admin.cookie, body: { userId: s.member.user.id } })).status,
    ).toBe(201);
    expect((await api("GET", url, { cookie: s.member.cookie })).json.data).toMatchObject({
      name: "secret",
      isMember: true,
    });
    expect(await s.names(s.member.cookie)).toContain("secret");
    expect(
      (await api("POST", `${url}/posts`, { cookie: s.member.cookie, body: { title: "me too", body: "b" } })).status,
    ).toBe(201);

    // A (non-guest) member of the private channel adds someone else; a guest member could not.
    const third = await memberOf(s.workspace.id, "MEMBER");
    expect(
      (await api("POST", `${url}/members`, { cookie: s.member.cookie, body: { userId: third.user.id } })).status,
    ).toBe(201);
    expect((await api("GET", url, { cookie: third.cookie })).status).toBe(200);
    expect(
      (await api("POST", `${url}/members`, { cookie: s.member.cookie, body: { userId: s.guest.user.id } })).status,
    ).toBe(201);
    const fourth = await memberOf(s.workspace.id, "MEMBER");
    expect(
      (await api("POST", `${url}/members`, { cookie: s.guest.cookie, body: { userId: fourth.user.id } })).status,
    ).toBe(403);

    // Removed → invisible again.
    expect((await api("DELETE", `${url}/members/${third.user.id}`, { cookie: s.admin.cookie })).status).toBe(204);
    expect((await api("GET", url, { cookie: third.cookie })).status).toBe(404);
    // Leaving oneself works too.
    expect((await api("DELETE", `${url}/members/${s.member.user.id}`, { cookie: s.member.cookie })).status).toBe(204);
    expect((await api("GET", url, { cookie: s.member.cookie })).status).toBe(404);
  });
});

describe("guests", () => {
  it("see only the channels they were added to, and cannot join by themselves", async () => {
    const s = await setup();
    const ch = await s.create(s.cookie, "with-guests");
    expect(await s.names(s.guest.cookie)).toEqual([]);
    expect((await api("GET", `${s.base}/channels/${s.general.id}`, { cookie: s.guest.cookie })).status).toBe(404);
    const self = await api("POST", `${s.base}/channels/${ch.id}/members`, {
      cookie: s.guest.cookie,
      body: { userId: s.guest.user.id },
    });
    expect(self.status).toBe(404);

    expect(
      (
        await api("POST", `${s.base}/channels/${ch.id}/members`, {
          cookie: s.admin.cookie,
          body: { userId: s.guest.user.id },
        })
      ).status,
    ).toBe(201);
    expect(await s.names(s.guest.cookie)).toEqual(["with-guests"]);
    const post = await api("POST", `${s.base}/channels/${ch.id}/posts`, {
      cookie: s.guest.cookie,
      body: { title: "hello", body: "from a guest" },
    });
    expect(post.status).toBe(201);
    expect(
      (
        await api("POST", `${s.base}/channels/${s.general.id}/posts`, {
          cookie: s.guest.cookie,
          body: { title: "x", body: "y" },
        })
      ).status,
    ).toBe(404);
  });
});

describe("demotion to guest", () => {
  it("drops the channels the member joined themselves and keeps the ones someone added them to", async () => {
    const s = await setup();
    const joined = await s.create(s.cookie, "joined-alone");
    const given = await s.create(s.cookie, "given-by-admin");
    const secret = await s.create(s.admin.cookie, "secret-room", "PRIVATE");
    const join = (chId: string, cookie: string) =>
      api("POST", `${s.base}/channels/${chId}/members`, { cookie, body: { userId: s.member.user.id } });
    expect((await join(joined.id, s.member.cookie)).status).toBe(201);
    expect((await join(given.id, s.admin.cookie)).status).toBe(201);
    expect((await join(secret.id, s.admin.cookie)).status).toBe(201);
    // #general came with the workspace.
    expect(await s.names(s.member.cookie)).toEqual(["general", "given-by-admin", "joined-alone", "secret-room"]);

    const demote = await api("PATCH", `${s.base}/members/${s.member.user.id}`, {
      cookie: s.cookie,
      body: { role: "GUEST" },
    });
    expect(demote.status).toBe(200);

    // The same old cookie: the guest now sees, reads and writes only what someone gave them.
    expect(await s.names(s.member.cookie)).toEqual(["given-by-admin", "secret-room"]);
    for (const ch of [s.general, joined]) {
      expect((await api("GET", `${s.base}/channels/${ch.id}/posts`, { cookie: s.member.cookie })).status).toBe(404);
      const post = await api("POST", `${s.base}/channels/${ch.id}/posts`, {
        cookie: s.member.cookie,
        body: { title: "still here?", body: "x" },
      });
      expect(post.status).toBe(404);
    }
    const kept = await api("POST", `${s.base}/channels/${given.id}/posts`, {
      cookie: s.member.cookie,
      body: { title: "hello", body: "as a guest" },
    });
    expect(kept.status).toBe(201);
    const rows = await (
      await getDb()
    ).channelMember.findMany({
      where: { userId: s.member.user.id },
      select: { channelId: true },
      orderBy: { channelId: "asc" },
    });
    expect(rows.map((r) => r.channelId)).toEqual([given.id, secret.id].sort());
  });

  it("changing a guest's role to guest again, or an admin to member, removes nothing", async () => {
    const s = await setup();
    const before = await (await getDb()).channelMember.count({ where: { userId: s.admin.user.id } });
    expect(before).toBeGreaterThan(0);
    const res = await api("PATCH", `${s.base}/members/${s.admin.user.id}`, {
      cookie: s.cookie,
      body: { role: "MEMBER" },
    });
    expect(res.status).toBe(200);
    expect(await (await getDb()).channelMember.count({ where: { userId: s.admin.user.id } })).toBe(before);
  });
});

describe("announcement channels", () => {
  it("only admins and owners post; everyone who sees it comments", async () => {
    const s = await setup();
    const ch = await s.create(s.admin.cookie, "news", "ANNOUNCEMENT");
    const url = `${s.base}/channels/${ch.id}`;
    const before = await (await getDb()).post.count();
    const denied = await api("POST", `${url}/posts`, { cookie: s.member.cookie, body: { title: "hi", body: "x" } });
    expect(denied.status).toBe(403);
    expect(denied.json.error.message).toMatch(/admins/);
    expect(await (await getDb()).post.count()).toBe(before);

    const post = await api("POST", `${url}/posts`, { cookie: s.admin.cookie, body: { title: "Release", body: "v1" } });
    expect(post.status).toBe(201);
    expect((await api("POST", `${url}/posts`, { cookie: s.cookie, body: { title: "Also", body: "v2" } })).status).toBe(
      201,
    );

    const comment = await api("POST", `${s.base}/posts/${post.json.data.id}/comments`, {
      cookie: s.member.cookie,
      body: { body: "congrats" },
    });
    expect(comment.status).toBe(201);
    // A member may join it by themselves.
    expect(
      (await api("POST", `${url}/members`, { cookie: s.member.cookie, body: { userId: s.member.user.id } })).status,
    ).toBe(201);
  });
});
