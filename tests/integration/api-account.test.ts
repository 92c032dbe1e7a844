// What the web UI does for one person, through the API: the profile (/me), notifications, Catch up, one's channel
// membership (notification level) and the channel list's unread counts. Each operation: the happy path, every kind
// of caller (roles, guest, another workspace, API tokens and their scopes, no credentials), and bad input.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { api } from "../support/api";
import { addMember, createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";

type Err = { error: { code: string; message: string; docs: string } };

async function tokenFor(cookie: string, workspaceId: string, scopes: string[]) {
  const res = await api("POST", `/api/v1/workspaces/${workspaceId}/tokens`, {
    cookie,
    body: { name: `t-${scopes.join("-")}`, scopes },
  });
  expect(res.status).toBe(201);
  return res.json.data.token as string;
}

async function post(cookie: string, workspaceId: string, channelId: string, title: string, body = "text") {
  const res = await api("POST", `/api/v1/workspaces/${workspaceId}/channels/${channelId}/posts`, {
    cookie,
    body: { title, body },
  });
  expect(res.status).toBe(201);
  return res.json.data.id as string;
}

const expectError = (res: { status: number; json: unknown }, status: number, code: string) => {
  expect({ status: res.status, code: (res.json as Err | null)?.error?.code }).toEqual({ status, code });
};

describe("GET and PATCH /me", () => {
  it("reads and changes one's profile as the settings page does; partial changes keep the rest", async () => {
    const { owner, cookie } = await createWorkspaceWithOwner();
    const me = await api("GET", "/api/v1/me", { cookie });
    expect(me.status).toBe(200);
    expect(me.json.data).toEqual({
      id: owner.id,
      name: owner.name,
      handle: owner.handle,
      email: owner.email,
      emailVerified: expect.any(Boolean),
      timeZone: expect.any(String),
    });

    const renamed = await api("PATCH", "/api/v1/me", { cookie, body: { name: "  Ada Lovelace " } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.data).toMatchObject({ name: "Ada Lovelace", handle: owner.handle });
    const moved = await api("PATCH", "/api/v1/me", { cookie, body: { timeZone: "Asia/Tokyo" } });
    expect(moved.json.data).toMatchObject({ name: "Ada Lovelace", timeZone: "Asia/Tokyo" });
    const row = await (await getDb()).user.findUnique({ where: { id: owner.id } });
    expect({ name: row?.name, timeZone: row?.timeZone }).toEqual({ name: "Ada Lovelace", timeZone: "Asia/Tokyo" });
  });

  it("refuses bad input with a 422 naming the field, and changes nothing", async () => {
    const { owner, cookie } = await createWorkspaceWithOwner();
    const before = await (await getDb()).user.findUnique({ where: { id: owner.id } });
    for (const [body, field] of [
      [{}, ""],
      [{ timeZone: "Mars/Olympus_Mons" }, "timeZone"],
      [{ name: "" }, "name"],
      [{ name: "x".repeat(81) }, "name"],
      [{ handle: "new-handle" }, "handle"],
      [{ password: "correct horse battery staple" }, "password"],
    ] as const) {
      const res = await api<Err>("PATCH", "/api/v1/me", { cookie, body });
      expectError(res, 422, "VALIDATION_FAILED");
      if (field) expect(res.json.error.message).toContain(field);
    }
    const after = await (await getDb()).user.findUnique({ where: { id: owner.id } });
    expect(after).toEqual(before);
  });

  it("API tokens: reading needs workspace:read, changing needs admin; no credentials is a 401", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const reader = await tokenFor(cookie, workspace.id, ["workspace:read"]);
    const posts = await tokenFor(cookie, workspace.id, ["posts:read"]);
    const admin = await tokenFor(cookie, workspace.id, ["admin"]);
    expect((await api("GET", "/api/v1/me", { token: reader })).json.data.id).toBe(owner.id);
    expectError(await api("GET", "/api/v1/me", { token: posts }), 403, "FORBIDDEN");
    expectError(await api("PATCH", "/api/v1/me", { token: reader, body: { name: "Nope" } }), 403, "FORBIDDEN");
    expect((await api("PATCH", "/api/v1/me", { token: admin, body: { name: "Via token" } })).status).toBe(200);
    expectError(await api("GET", "/api/v1/me"), 401, "UNAUTHENTICATED");
    expectError(await api("PATCH", "/api/v1/me", { body: { name: "Anon" } }), 401, "UNAUTHENTICATED");
    expectError(await api("GET", "/api/v1/me", { token: "tid_not_a_real_token" }), 401, "UNAUTHENTICATED");
  });
});

describe("notifications", () => {
  let world: Awaited<ReturnType<typeof createWorkspaceWithOwner>>;
  let writer: Awaited<ReturnType<typeof memberOf>>;
  let elsewhere: Awaited<ReturnType<typeof createWorkspaceWithOwner>>;
  beforeAll(async () => {
    world = await createWorkspaceWithOwner();
    writer = await memberOf(world.workspace.id, "MEMBER");
    elsewhere = await createWorkspaceWithOwner();
  });

  it("lists mentions newest first with the unread count; marks one, then all, read", async () => {
    const { owner, workspace, general } = world;
    const first = await post(writer.cookie, workspace.id, general.id, "First", `hi @${owner.handle}`);
    const second = await post(writer.cookie, workspace.id, general.id, "Second", `again @${owner.handle}`);
    const list = await api("GET", "/api/v1/me/notifications", { cookie: world.cookie });
    expect(list.status).toBe(200);
    expect(list.json.nextCursor).toBeNull();
    expect(list.json.unread).toBe(2);
    expect(list.json.data.map((n: { post: { id: string } }) => n.post.id)).toEqual([second, first]);
    expect(list.json.data[0]).toMatchObject({
      kind: "mention",
      workspaceId: workspace.id,
      read: false,
      readAt: null,
      inComment: false,
      actor: { id: writer.user.id, name: writer.user.name, handle: writer.user.handle },
      post: { id: second, title: "Second", channelId: general.id },
    });

    const oneId: string = list.json.data[1].id;
    const one = await api("POST", `/api/v1/me/notifications/${oneId}/read`, { cookie: world.cookie });
    expect(one.status).toBe(200);
    expect(one.json.data).toEqual({ id: oneId, read: true, readAt: expect.any(String) });
    const again = await api("POST", `/api/v1/me/notifications/${oneId}/read`, { cookie: world.cookie });
    expect(again.json.data.readAt).toBe(one.json.data.readAt); // marking twice changes nothing
    expect((await api("GET", "/api/v1/me/notifications", { cookie: world.cookie })).json.unread).toBe(1);

    const all = await api("POST", "/api/v1/me/notifications/read-all", { cookie: world.cookie });
    expect(all.json.data).toEqual({ marked: 1 });
    const after = await api("GET", "/api/v1/me/notifications", { cookie: world.cookie });
    expect(after.json.unread).toBe(0);
    expect(after.json.data.every((n: { read: boolean }) => n.read)).toBe(true);
  });

  it("someone else's notification is not found, and stays unread", async () => {
    const { workspace, general } = world;
    await post(world.cookie, workspace.id, general.id, "For writer", `@${writer.user.handle} look`);
    const theirs = await api("GET", "/api/v1/me/notifications", { cookie: writer.cookie });
    const id: string = theirs.json.data[0].id;
    expectError(await api("POST", `/api/v1/me/notifications/${id}/read`, { cookie: world.cookie }), 404, "NOT_FOUND");
    expectError(
      await api("POST", `/api/v1/me/notifications/${id}/read`, { cookie: elsewhere.cookie }),
      404,
      "NOT_FOUND",
    );
    expect((await api("GET", "/api/v1/me/notifications", { cookie: writer.cookie })).json.data[0].read).toBe(false);
    expectError(
      await api("POST", "/api/v1/me/notifications/not-an-id!/read", { cookie: world.cookie }),
      422,
      "VALIDATION_FAILED",
    );
  });

  it("an API token sees and marks only its own workspace's notifications; scopes and credentials are checked", async () => {
    const { owner, workspace, general } = world;
    await addMember(elsewhere.workspace.id, owner.id, "MEMBER");
    const otherPost = await post(elsewhere.cookie, elsewhere.workspace.id, elsewhere.general.id, "Elsewhere", "x");
    await (
      await getDb()
    ).notification.create({
      data: { userId: owner.id, workspaceId: elsewhere.workspace.id, kind: "mention", postId: otherPost },
    });
    const here = await post(writer.cookie, workspace.id, general.id, "Here", `@${owner.handle}`);

    const cookie = await sessionCookie(owner.id);
    const token = await tokenFor(cookie, workspace.id, ["posts:read"]);
    const viaToken = await api("GET", "/api/v1/me/notifications", { token });
    expect(viaToken.status).toBe(200);
    expect(viaToken.json.data.every((n: { workspaceId: string }) => n.workspaceId === workspace.id)).toBe(true);
    expect(viaToken.json.data[0].post.id).toBe(here);
    expect(viaToken.json.unread).toBe(1);
    const viaSession = await api("GET", "/api/v1/me/notifications", { cookie });
    expect(viaSession.json.unread).toBe(2);
    expect(viaSession.json.data.map((n: { workspaceId: string }) => n.workspaceId)).toContain(elsewhere.workspace.id);

    expect((await api("POST", "/api/v1/me/notifications/read-all", { token })).json.data).toEqual({ marked: 1 });
    expect((await api("GET", "/api/v1/me/notifications", { cookie })).json.unread).toBe(1); // the other workspace's

    const channelsOnly = await tokenFor(cookie, workspace.id, ["channels:read"]);
    expectError(await api("GET", "/api/v1/me/notifications", { token: channelsOnly }), 403, "FORBIDDEN");
    expectError(await api("POST", "/api/v1/me/notifications/read-all", { token: channelsOnly }), 403, "FORBIDDEN");
    expectError(await api("GET", "/api/v1/me/notifications"), 401, "UNAUTHENTICATED");
    expectError(await api("POST", "/api/v1/me/notifications/read-all"), 401, "UNAUTHENTICATED");
  });

  it("hides the title of a post in a private channel the person was removed from", async () => {
    const { cookie, owner, workspace } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const base = `/api/v1/workspaces/${workspace.id}`;
    const secret = await api("POST", `${base}/channels`, { cookie, body: { name: "secret", kind: "PRIVATE" } });
    const channelId: string = secret.json.data.id;
    expect(
      (await api("POST", `${base}/channels/${channelId}/members`, { cookie, body: { userId: member.user.id } })).status,
    ).toBe(201);
    await post(cookie, workspace.id, channelId, "Merger plans", `@${member.user.handle} read this`);
    const before = await api("GET", "/api/v1/me/notifications", { cookie: member.cookie });
    expect(before.json.data[0].post).toMatchObject({ title: "Merger plans" });
    expect((await api("DELETE", `${base}/channels/${channelId}/members/${member.user.id}`, { cookie })).status).toBe(
      204,
    );
    const after = await api("GET", "/api/v1/me/notifications", { cookie: member.cookie });
    expect(after.json.data[0].post).toBeNull();
    expect(JSON.stringify(after.json)).not.toContain("Merger plans");
    expect(owner.id).toBeTruthy();
  });

  it("walks every notification once, page by page, while new ones arrive", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    const writer2 = await memberOf(workspace.id, "MEMBER");
    for (let i = 0; i < 7; i++) await post(writer2.cookie, workspace.id, general.id, `P${i}`, `@${owner.handle}`);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; json: { data: { id: string }[]; nextCursor: string | null } } = await api(
        "GET",
        `/api/v1/me/notifications?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        { cookie },
      );
      expect(res.status).toBe(200);
      expect(res.json.data.length).toBeLessThanOrEqual(3);
      seen.push(...res.json.data.map((n) => n.id));
      cursor = res.json.nextCursor;
      if (pages++ === 0) await post(writer2.cookie, workspace.id, general.id, "Newer", `@${owner.handle}`);
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(7);
    const all = await (
      await getDb()
    ).notification.findMany({
      where: { userId: owner.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    });
    expect(seen).toEqual(all.slice(1).map((n) => n.id)); // everything but the one that arrived after page one
  });
});

describe("Catch up, marking a channel read, and unread counts in the channel list", () => {
  it("lists others' unread posts by channel, counts them in the channel list, and empties once read", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const writer = await memberOf(workspace.id, "MEMBER");
    const base = `/api/v1/workspaces/${workspace.id}`;
    await post(cookie, workspace.id, general.id, "Mine", "not unread for me");
    const a = await post(writer.cookie, workspace.id, general.id, "A");
    const b = await post(writer.cookie, workspace.id, general.id, "B");

    const catchUp = await api("GET", `${base}/catch-up`, { cookie });
    expect(catchUp.status).toBe(200);
    expect(catchUp.json.data).toEqual({
      total: 2,
      channels: [
        {
          channelId: general.id,
          name: "general",
          posts: [
            {
              id: b,
              title: "B",
              createdAt: expect.any(String),
              author: expect.objectContaining({ id: writer.user.id }),
            },
            {
              id: a,
              title: "A",
              createdAt: expect.any(String),
              author: expect.objectContaining({ id: writer.user.id }),
            },
          ],
        },
      ],
    });
    const channels = await api("GET", `${base}/channels`, { cookie });
    expect(channels.json.data.find((c: { id: string }) => c.id === general.id).unreadCount).toBe(2);
    expect(
      (await api("GET", `${base}/channels`, { cookie: writer.cookie })).json.data.find(
        (c: { id: string }) => c.id === general.id,
      ).unreadCount,
    ).toBe(1); // the owner's post

    const read = await api("POST", `${base}/channels/${general.id}/read`, { cookie });
    expect(read.status).toBe(200);
    expect(read.json.data).toEqual({ channelId: general.id, lastReadAt: expect.any(String) });
    expect((await api("GET", `${base}/catch-up`, { cookie })).json.data).toEqual({ total: 0, channels: [] });
    expect((await api("GET", `${base}/channels`, { cookie })).json.data[0].unreadCount).toBe(0);
  });

  it("a guest's catch-up holds only the channels they were added to; other workspaces and strangers get 404", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const guest = await memberOf(workspace.id, "GUEST");
    const base = `/api/v1/workspaces/${workspace.id}`;
    const side = await api("POST", `${base}/channels`, { cookie, body: { name: "side" } });
    const sideId: string = side.json.data.id;
    expect(
      (await api("POST", `${base}/channels/${sideId}/members`, { cookie, body: { userId: guest.user.id } })).status,
    ).toBe(201);
    await post(cookie, workspace.id, general.id, "General news");
    await post(cookie, workspace.id, sideId, "Side news");

    const theirs = await api("GET", `${base}/catch-up`, { cookie: guest.cookie });
    expect(theirs.json.data.channels.map((c: { channelId: string }) => c.channelId)).toEqual([sideId]);
    const list = await api("GET", `${base}/channels`, { cookie: guest.cookie });
    expect(list.json.data.map((c: { id: string; unreadCount: number }) => [c.id, c.unreadCount])).toEqual([
      [sideId, 1],
    ]);
    expectError(await api("POST", `${base}/channels/${general.id}/read`, { cookie: guest.cookie }), 404, "NOT_FOUND");

    const stranger = await createWorkspaceWithOwner();
    expectError(await api("GET", `${base}/catch-up`, { cookie: stranger.cookie }), 404, "NOT_FOUND");
    expectError(await api("POST", `${base}/channels/${sideId}/read`, { cookie: stranger.cookie }), 404, "NOT_FOUND");
    expectError(await api("GET", `${base}/catch-up`), 401, "UNAUTHENTICATED");
    expectError(await api("POST", `${base}/channels/${sideId}/read`), 401, "UNAUTHENTICATED");
    const token = await tokenFor(cookie, workspace.id, ["posts:read"]);
    expect((await api("GET", `${base}/catch-up`, { token })).status).toBe(200);
    expect((await api("POST", `${base}/channels/${sideId}/read`, { token })).status).toBe(200);
    const channelsOnly = await tokenFor(cookie, workspace.id, ["channels:read"]);
    expectError(await api("GET", `${base}/catch-up`, { token: channelsOnly }), 403, "FORBIDDEN");
    // A token of another workspace does not reach this one.
    const foreignToken = await tokenFor(stranger.cookie, stranger.workspace.id, ["admin"]);
    expectError(await api("GET", `${base}/catch-up`, { token: foreignToken }), 404, "NOT_FOUND");
  });
});

describe("GET and PUT …/channels/{channelId}/membership", () => {
  it("reads and sets one's notification level, stored on the channel membership", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    const url = `/api/v1/workspaces/${workspace.id}/channels/${general.id}/membership`;
    const got = await api("GET", url, { cookie });
    expect(got.status).toBe(200);
    expect(got.json.data).toEqual({
      channelId: general.id,
      userId: owner.id,
      notifyLevel: "MENTIONS",
      lastReadAt: null,
    });
    const put = await api("PUT", url, { cookie, body: { notifyLevel: "NOTHING" } });
    expect(put.status).toBe(200);
    expect(put.json.data).toEqual({
      channelId: general.id,
      userId: owner.id,
      notifyLevel: "NOTHING",
      lastReadAt: null,
    });
    const row = await (
      await getDb()
    ).channelMember.findUnique({
      where: { channelId_userId: { channelId: general.id, userId: owner.id } },
    });
    expect(row?.notifyLevel).toBe("NOTHING");
    expect((await api("GET", url, { cookie })).json.data.notifyLevel).toBe("NOTHING");
  });

  it("not following the channel: GET 404, PUT 409; bad levels 422; hidden channels and other workspaces 404", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const guest = await memberOf(workspace.id, "GUEST");
    const base = `/api/v1/workspaces/${workspace.id}/channels`;
    const side = await api("POST", base, { cookie, body: { name: "side-room" } });
    const sideUrl = `${base}/${side.json.data.id}/membership`;
    expectError(await api("GET", sideUrl, { cookie: member.cookie }), 404, "NOT_FOUND");
    const conflict = await api<Err>("PUT", sideUrl, { cookie: member.cookie, body: { notifyLevel: "ALL" } });
    expectError(conflict, 409, "CONFLICT");
    expect(conflict.json.error.message).toMatch(/Join the channel/);

    const url = `${base}/${general.id}/membership`;
    for (const body of [{ notifyLevel: "LOUD" }, {}, { notifyLevel: "ALL", extra: 1 }, { notifyLevel: null }]) {
      expectError(await api("PUT", url, { cookie: member.cookie, body }), 422, "VALIDATION_FAILED");
    }
    expect((await api("GET", url, { cookie: member.cookie })).json.data.notifyLevel).toBe("MENTIONS");

    expectError(await api("GET", url, { cookie: guest.cookie }), 404, "NOT_FOUND"); // not added to #general
    expectError(await api("PUT", url, { cookie: guest.cookie, body: { notifyLevel: "ALL" } }), 404, "NOT_FOUND");
    const stranger = await createWorkspaceWithOwner();
    expectError(await api("GET", url, { cookie: stranger.cookie }), 404, "NOT_FOUND");
    expectError(await api("PUT", url, { cookie: stranger.cookie, body: { notifyLevel: "ALL" } }), 404, "NOT_FOUND");
    expectError(await api("GET", url), 401, "UNAUTHENTICATED");
    expectError(await api("PUT", url, { body: { notifyLevel: "ALL" } }), 401, "UNAUTHENTICATED");

    const readToken = await tokenFor(member.cookie, workspace.id, ["channels:read"]);
    expect((await api("GET", url, { token: readToken })).status).toBe(200);
    expectError(await api("PUT", url, { token: readToken, body: { notifyLevel: "ALL" } }), 403, "FORBIDDEN");
    const writeToken = await tokenFor(member.cookie, workspace.id, ["channels:write"]);
    expect((await api("PUT", url, { token: writeToken, body: { notifyLevel: "ALL" } })).json.data.notifyLevel).toBe(
      "ALL",
    );
  });
});
