// A message's lifecycle: comments edited (marked, history kept) and deleted (own, or any by admins); posts restored
// by admins within 30 days from "Recently deleted"; every version of a post or comment readable by its readers.
import { describe, expect, it } from "vitest";
import { purgeExpiredDeletedPosts } from "@/lib/domain/cleanup/run-cleanup";
import { getDb } from "@/lib/data/db/client";
import { api } from "../support/api";
import { createWorkspaceWithOwner, memberOf } from "../factories";

async function setup() {
  const ws = await createWorkspaceWithOwner();
  const base = `/api/v1/workspaces/${ws.workspace.id}`;
  const admin = await memberOf(ws.workspace.id, "ADMIN");
  const member = await memberOf(ws.workspace.id, "MEMBER");
  const other = await memberOf(ws.workspace.id, "MEMBER");
  const guest = await memberOf(ws.workspace.id, "GUEST");
  const post = (
    await api("POST", `${base}/channels/${ws.general.id}/posts`, {
      cookie: member.cookie,
      body: { title: "First title", body: "First body" },
    })
  ).json.data.id as string;
  const comment = (await api("POST", `${base}/posts/${post}/comments`, { cookie: member.cookie, body: { body: "v1" } }))
    .json.data.id as string;
  return { ...ws, base, admin, member, other, guest, post, comment };
}

describe("comments: edit and delete", { timeout: 60_000 }, () => {
  it("the author edits (marked edited, history kept); others cannot; no change is no new version", async () => {
    const s = await setup();
    const url = `${s.base}/comments/${s.comment}`;
    expect((await api("PATCH", url, { cookie: s.other.cookie, body: { body: "hijack" } })).status).toBe(403);
    expect((await api("PATCH", url, { cookie: s.admin.cookie, body: { body: "hijack" } })).status).toBe(403);
    const edited = await api("PATCH", url, { cookie: s.member.cookie, body: { body: "v2" } });
    expect(edited.status).toBe(200);
    expect(edited.json.data).toMatchObject({ id: s.comment, body: "v2" });
    expect(edited.json.data.editedAt).not.toBeNull();
    await api("PATCH", url, { cookie: s.member.cookie, body: { body: "v2" } }); // unchanged
    await api("PATCH", url, { cookie: s.member.cookie, body: { body: "v3" } });
    const history = await api("GET", `${url}/history`, { cookie: s.other.cookie });
    expect(history.status).toBe(200);
    expect(history.json.data.map((v: { body: string }) => v.body)).toEqual(["v1", "v2", "v3"]);
    expect(history.json.data[0].editor.id).toBe(s.member.user.id);
    expect(history.json.data[2]).toMatchObject({ id: "current", replacedAt: null, editor: null });
    // The guest was not added to general: the comment and its history do not exist for them.
    expect((await api("GET", `${url}/history`, { cookie: s.guest.cookie })).status).toBe(404);
    expect(
      (await api("PATCH", url, { cookie: (await createWorkspaceWithOwner()).cookie, body: { body: "x" } })).status,
    ).toBe(404);
    expect((await api("PATCH", url, { cookie: s.member.cookie, body: { body: "  " } })).status).toBe(422);
  });

  it("the author or an admin deletes; another member cannot; a deleted comment is gone from the thread", async () => {
    const s = await setup();
    const url = `${s.base}/comments/${s.comment}`;
    expect((await api("DELETE", url, { cookie: s.other.cookie })).status).toBe(403);
    expect((await api("DELETE", url, { cookie: s.admin.cookie })).status).toBe(204);
    expect((await api("DELETE", url, { cookie: s.admin.cookie })).status).toBe(404);
    expect((await api("PATCH", url, { cookie: s.member.cookie, body: { body: "back" } })).status).toBe(404);
    const thread = await api("GET", `${s.base}/posts/${s.post}/comments`, { cookie: s.member.cookie });
    expect(thread.json.data).toEqual([]);
    const post = await api("GET", `${s.base}/posts/${s.post}`, { cookie: s.member.cookie });
    expect(post.json.data.commentCount).toBe(0);
  });
});

describe("posts: history and restore", { timeout: 60_000 }, () => {
  it("keeps every version of an edited post, readable by its readers", async () => {
    const s = await setup();
    const url = `${s.base}/posts/${s.post}`;
    await api("PATCH", url, { cookie: s.member.cookie, body: { title: "Second title" } });
    await api("PATCH", url, { cookie: s.member.cookie, body: { body: "Second body" } });
    const history = await api("GET", `${url}/history`, { cookie: s.other.cookie });
    expect(history.json.data.map((v: { title: string; body: string }) => [v.title, v.body])).toEqual([
      ["First title", "First body"],
      ["Second title", "First body"],
      ["Second title", "Second body"],
    ]);
    expect((await api("GET", `${url}/history`, { cookie: s.guest.cookie })).status).toBe(404);
  });

  it("admins list recently deleted posts and restore one; members cannot; past 30 days it is purged", async () => {
    const s = await setup();
    const url = `${s.base}/posts/${s.post}`;
    expect((await api("DELETE", url, { cookie: s.member.cookie })).status).toBe(204);
    expect((await api("GET", `${s.base}/deleted-posts`, { cookie: s.member.cookie })).status).toBe(403);
    expect((await api("POST", `${url}/restore`, { cookie: s.member.cookie })).status).toBe(403);
    const list = await api("GET", `${s.base}/deleted-posts`, { cookie: s.admin.cookie });
    expect(list.status).toBe(200);
    expect(list.json.data).toEqual([
      expect.objectContaining({
        id: s.post,
        title: "First title",
        channel: expect.objectContaining({ name: "general" }),
        deletedBy: expect.objectContaining({ id: s.member.user.id }),
      }),
    ]);
    const restored = await api("POST", `${url}/restore`, { cookie: s.admin.cookie });
    expect(restored.status).toBe(200);
    expect(restored.json.data).toMatchObject({ id: s.post, title: "First title", commentCount: 1 });
    expect((await api("GET", url, { cookie: s.member.cookie })).status).toBe(200);
    // Restoring again (a retry, another admin) answers the live post and changes nothing.
    const again = await api("POST", `${url}/restore`, { cookie: s.admin.cookie });
    expect(again.status).toBe(200);
    expect(again.json.data.id).toBe(s.post);

    // Deleted 31 days ago: neither listed nor restorable, and the cleanup purges it.
    await api("DELETE", url, { cookie: s.admin.cookie });
    const db = await getDb();
    await db.post.update({ where: { id: s.post }, data: { deletedAt: new Date(Date.now() - 31 * 86_400_000) } });
    expect((await api("GET", `${s.base}/deleted-posts`, { cookie: s.admin.cookie })).json.data).toEqual([]);
    expect((await api("POST", `${url}/restore`, { cookie: s.admin.cookie })).status).toBe(404);
    expect(await purgeExpiredDeletedPosts(new Date())).toBeGreaterThanOrEqual(1);
    expect(await db.post.count({ where: { id: s.post } })).toBe(0);
  });

  it("an admin does not see or restore a deleted post of a private channel they are not in", async () => {
    const s = await setup();
    const secret = (
      await api("POST", `${s.base}/channels`, { cookie: s.cookie, body: { name: "secret", kind: "PRIVATE" } })
    ).json.data.id as string;
    const hidden = (
      await api("POST", `${s.base}/channels/${secret}/posts`, {
        cookie: s.cookie,
        body: { title: "Board only", body: "x" },
      })
    ).json.data.id as string;
    await api("DELETE", `${s.base}/posts/${hidden}`, { cookie: s.cookie });
    const list = await api("GET", `${s.base}/deleted-posts`, { cookie: s.admin.cookie });
    expect(list.json.data.map((p: { id: string }) => p.id)).not.toContain(hidden);
    expect((await api("POST", `${s.base}/posts/${hidden}/restore`, { cookie: s.admin.cookie })).status).toBe(404);
    // The owner, who is in it, sees it and restores it.
    const owners = await api("GET", `${s.base}/deleted-posts`, { cookie: s.cookie });
    expect(owners.json.data.map((p: { id: string }) => p.id)).toContain(hidden);
    expect((await api("POST", `${s.base}/posts/${hidden}/restore`, { cookie: s.cookie })).status).toBe(200);
  });
});
