import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createWorkspaceWithOwner, memberOf } from "../factories";

describe("posts and comments", () => {
  it("creates, lists newest first with cursor pagination, reads, edits and soft-deletes posts", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const created: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await api("POST", `${base}/channels/${general.id}/posts`, {
        cookie,
        body: { title: `Post ${i}`, body: `Body **${i}**` },
      });
      expect(res.status).toBe(201);
      expect(res.headers.get("x-request-id")).toBeTruthy();
      created.push(res.json.data.id);
    }
    const page1 = await api("GET", `${base}/channels/${general.id}/posts?limit=2`, { cookie });
    expect(page1.status).toBe(200);
    expect(page1.json.data.map((p: { title: string }) => p.title)).toEqual(["Post 5", "Post 4"]);
    const page2 = await api("GET", `${base}/channels/${general.id}/posts?limit=2&cursor=${page1.json.nextCursor}`, {
      cookie,
    });
    expect(page2.json.data.map((p: { title: string }) => p.title)).toEqual(["Post 3", "Post 2"]);
    const page3 = await api("GET", `${base}/channels/${general.id}/posts?limit=2&cursor=${page2.json.nextCursor}`, {
      cookie,
    });
    expect(page3.json.data.map((p: { title: string }) => p.title)).toEqual(["Post 1"]);
    expect(page3.json.nextCursor).toBeNull();

    const edited = await api("PATCH", `${base}/posts/${created[0]}`, { cookie, body: { title: "First, edited" } });
    expect(edited.status).toBe(200);
    expect(edited.json.data.editedAt).not.toBeNull();

    const del = await api("DELETE", `${base}/posts/${created[0]}`, { cookie });
    expect(del.status).toBe(204);
    expect((await api("GET", `${base}/posts/${created[0]}`, { cookie })).status).toBe(404);
  });

  it("comments on a post and lists them oldest first", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const post = await api("POST", `${base}/channels/${general.id}/posts`, {
      cookie,
      body: { title: "Hello", body: "World" },
    });
    const member = await memberOf(workspace.id, "MEMBER");
    for (const text of ["first", "second"]) {
      const c = await api("POST", `${base}/posts/${post.json.data.id}/comments`, {
        cookie: member.cookie,
        body: { body: text },
      });
      expect(c.status).toBe(201);
    }
    const list = await api("GET", `${base}/posts/${post.json.data.id}/comments`, { cookie });
    expect(list.json.data.map((c: { body: string }) => c.body)).toEqual(["first", "second"]);
    expect((await api("GET", `${base}/posts/${post.json.data.id}`, { cookie })).json.data.commentCount).toBe(2);
  });

  it("hides a workspace's posts from people outside it (404, not 403)", async () => {
    const a = await createWorkspaceWithOwner();
    const b = await createWorkspaceWithOwner();
    const post = await api("POST", `/api/v1/workspaces/${a.workspace.id}/channels/${a.general.id}/posts`, {
      cookie: a.cookie,
      body: { title: "Secret", body: "x" },
    });
    expect(
      (await api("GET", `/api/v1/workspaces/${a.workspace.id}/posts/${post.json.data.id}`, { cookie: b.cookie }))
        .status,
    ).toBe(404);
    // …and asking through one's own workspace id does not help either.
    expect(
      (await api("GET", `/api/v1/workspaces/${b.workspace.id}/posts/${post.json.data.id}`, { cookie: b.cookie }))
        .status,
    ).toBe(404);
  });
});
