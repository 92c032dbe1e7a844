// The Inbox (followed posts with new activity by others, done until something newer), following by hand, the
// per-channel unread and mention counts, and "mark all read", through the API with the background function run for
// real from the outbox; every refusal: other workspaces, guests, private channels, tokens without the scope, bad input.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { recordNewComment, recordNewPost } from "@/lib/domain/inbox/inbox";
import { api } from "../support/api";
import { embeddedRuntimeEachTest } from "../support/background";
import { createWorkspaceWithOwner, memberOf } from "../factories";

const runtime = embeddedRuntimeEachTest();

type Item = { post: { id: string; title: string }; reason: string; newComments: number; lastComment: unknown };

async function setup() {
  const ws = await createWorkspaceWithOwner();
  const base = `/api/v1/workspaces/${ws.workspace.id}`;
  const ana = await memberOf(ws.workspace.id, "MEMBER");
  const ben = await memberOf(ws.workspace.id, "MEMBER");
  const guest = await memberOf(ws.workspace.id, "GUEST");
  const post = async (cookie: string, title: string, body = "Body", channelId = ws.general.id) => {
    const res = await api("POST", `${base}/channels/${channelId}/posts`, { cookie, body: { title, body } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    await runtime.drain();
    return res.json.data.id as string;
  };
  const comment = async (cookie: string, postId: string, body = "A comment") => {
    const res = await api("POST", `${base}/posts/${postId}/comments`, { cookie, body: { body } });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    await runtime.drain();
    return res.json.data.id as string;
  };
  const inbox = async (cookie: string, query = "") => {
    const res = await api("GET", `${base}/inbox${query}`, { cookie });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json.data as Item[];
  };
  const done = (cookie: string, postId: string) => api("POST", `${base}/inbox/${postId}/done`, { cookie });
  const follow = (cookie: string, postId: string, following: boolean) =>
    api("PUT", `${base}/posts/${postId}/follow`, { cookie, body: { following } });
  return { ...ws, base, ana, ben, guest, post, comment, inbox, done, follow };
}

describe("inbox", { timeout: 90_000 }, () => {
  it("brings one's own post when someone answers, leaves on done, and returns only with something newer", async () => {
    const s = await setup();
    const postId = await s.post(s.ana.cookie, "Release plan");
    expect(await s.inbox(s.ana.cookie)).toEqual([]); // nothing by others yet
    await s.comment(s.ana.cookie, postId, "my own note"); // one's own comment is not news
    expect(await s.inbox(s.ana.cookie)).toEqual([]);

    const first = await s.comment(s.ben.cookie, postId, "Looks good");
    const [item] = await s.inbox(s.ana.cookie);
    expect(item).toMatchObject({
      post: { id: postId, title: "Release plan" },
      reason: "AUTHOR",
      newComments: 1,
      lastComment: { id: first, author: { name: s.ben.user.name, handle: s.ben.user.handle } },
    });
    // Ben commented: he follows the post now, with his own comment as seen.
    expect(await s.inbox(s.ben.cookie)).toEqual([]);

    const marked = await s.done(s.ana.cookie, postId);
    expect(marked.status).toBe(200);
    expect(marked.json.data).toMatchObject({ postId, done: true });
    expect(await s.inbox(s.ana.cookie)).toEqual([]);
    expect((await s.done(s.ana.cookie, postId)).status).toBe(200); // again: no change

    // A retried or late run of the background work for the old comment does not bring it back.
    await recordNewComment(s.workspace.id, first);
    await recordNewPost(s.workspace.id, postId);
    expect(await s.inbox(s.ana.cookie)).toEqual([]);

    await s.comment(s.cookie, postId, "One more thing");
    const back = await s.inbox(s.ana.cookie);
    expect(back).toHaveLength(1);
    expect(back[0]).toMatchObject({ newComments: 1 }); // only what came after done
    // Ben, who commented before, gets it too; Ana's own comment before his does not count for him.
    expect((await s.inbox(s.ben.cookie)).map((i) => [i.post.id, i.reason, i.newComments])).toEqual([
      [postId, "COMMENTED", 1],
    ]);
  });

  it("brings a post or comment that mentions one, and follows by hand until unfollowed", async () => {
    const s = await setup();
    const mentioning = await s.post(s.ben.cookie, "Question for Ana", `What do you think, @${s.ana.user.handle}?`);
    expect(await s.inbox(s.ana.cookie)).toEqual([
      expect.objectContaining({
        post: expect.objectContaining({ id: mentioning }),
        reason: "MENTIONED",
        newComments: 0,
      }),
    ]);
    const quiet = await s.post(s.ben.cookie, "Quiet post");
    await s.comment(s.cookie, quiet, `@${s.ana.user.handle} have a look`);
    expect((await s.inbox(s.ana.cookie)).map((i) => [i.post.id, i.reason, i.newComments])).toEqual([
      [quiet, "MENTIONED", 1],
      [mentioning, "MENTIONED", 0],
    ]);

    const other = await s.post(s.ben.cookie, "Follow me");
    const followed = await s.follow(s.ana.cookie, other, true);
    expect(followed.json.data).toEqual({ postId: other, following: true, reason: "MANUAL" });
    expect((await s.follow(s.ana.cookie, other, true)).json.data.reason).toBe("MANUAL"); // idempotent
    expect((await api("GET", `${s.base}/posts/${other}/follow`, { cookie: s.ana.cookie })).json.data).toEqual({
      postId: other,
      following: true,
      reason: "MANUAL",
    });
    expect((await s.inbox(s.ana.cookie)).map((i) => i.post.id)).not.toContain(other); // nothing new yet
    await s.comment(s.ben.cookie, other, "news");
    expect((await s.inbox(s.ana.cookie))[0]?.post.id).toBe(other); // newest activity first

    const unfollowed = await s.follow(s.ana.cookie, other, false);
    expect(unfollowed.json.data).toEqual({ postId: other, following: false, reason: null });
    expect((await s.inbox(s.ana.cookie)).map((i) => i.post.id)).not.toContain(other);
    // Not followed: not in the Inbox, so done already; nothing is written.
    expect((await s.done(s.ana.cookie, other)).json.data).toEqual({ postId: other, done: true, doneAt: null });
    expect(await (await getDb()).postFollow.count({ where: { postId: other, userId: s.ana.user.id } })).toBe(0);
  });

  it("pages by cursor, newest activity first, and refuses a cursor it did not issue", async () => {
    const s = await setup();
    const ids: string[] = [];
    for (const n of [1, 2, 3, 4, 5]) {
      const id = await s.post(s.ana.cookie, `Post ${n}`);
      await s.comment(s.ben.cookie, id, "answer");
      ids.push(id);
    }
    const first = await api("GET", `${s.base}/inbox?limit=2`, { cookie: s.ana.cookie });
    expect(first.json.data.map((i: Item) => i.post.id)).toEqual([ids[4], ids[3]]);
    const seen = [...first.json.data.map((i: Item) => i.post.id)];
    let cursor = first.json.nextCursor as string | null;
    while (cursor) {
      const next = await api("GET", `${s.base}/inbox?limit=2&cursor=${cursor}`, { cookie: s.ana.cookie });
      seen.push(...next.json.data.map((i: Item) => i.post.id));
      cursor = next.json.nextCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    for (const bad of ["?cursor=nope", "?limit=0", "?limit=1000", "?extra=1"])
      expect((await api("GET", `${s.base}/inbox${bad}`, { cookie: s.ana.cookie })).status, bad).toBe(422);
  });

  it("shows nothing from a channel one can no longer read, a deleted post, or another workspace", async () => {
    const s = await setup();
    const secret = await api("POST", `${s.base}/channels`, {
      cookie: s.cookie,
      body: { name: `secret-${Date.now()}`, kind: "PRIVATE" },
    });
    const secretId = secret.json.data.id as string;
    for (const who of [s.ana, s.guest])
      expect(
        (
          await api("POST", `${s.base}/channels/${secretId}/members`, {
            cookie: s.cookie,
            body: { userId: who.user.id },
          })
        ).status,
      ).toBe(201);
    const hidden = await s.post(s.ana.cookie, "Private plan", "x", secretId);
    const guestPost = await s.post(s.guest.cookie, "Guest question", "x", secretId);
    await s.comment(s.cookie, hidden, "reply");
    await s.comment(s.cookie, guestPost, "reply");
    expect((await s.inbox(s.ana.cookie)).map((i) => i.post.id)).toEqual([hidden]);
    expect((await s.inbox(s.guest.cookie)).map((i) => i.post.id)).toEqual([guestPost]);

    // Removed from the private channel: its posts leave the Inbox and cannot be marked or followed.
    for (const who of [s.ana, s.guest])
      expect(
        (await api("DELETE", `${s.base}/channels/${secretId}/members/${who.user.id}`, { cookie: s.cookie })).status,
      ).toBe(204);
    expect(await s.inbox(s.ana.cookie)).toEqual([]);
    expect(await s.inbox(s.guest.cookie)).toEqual([]);
    expect((await s.done(s.ana.cookie, hidden)).status).toBe(404);
    expect((await s.follow(s.ana.cookie, hidden, true)).status).toBe(404);

    // A guest cannot follow a post in a channel they were not added to.
    const open = await s.post(s.ben.cookie, "Open post");
    expect((await s.follow(s.guest.cookie, open, true)).status).toBe(404);

    // Deleted: gone from the Inbox.
    await s.comment(s.ana.cookie, open, "I follow now");
    await s.comment(s.ben.cookie, open, "answer");
    expect((await s.inbox(s.ana.cookie)).map((i) => i.post.id)).toEqual([open]);
    expect((await api("DELETE", `${s.base}/posts/${open}`, { cookie: s.ben.cookie })).status).toBe(204);
    expect(await s.inbox(s.ana.cookie)).toEqual([]);

    // Another workspace's member sees neither the list nor the post.
    const elsewhere = await createWorkspaceWithOwner();
    expect((await api("GET", `${s.base}/inbox`, { cookie: elsewhere.cookie })).status).toBe(404);
    expect((await s.done(elsewhere.cookie, hidden)).status).toBe(404);
    expect((await s.follow(elsewhere.cookie, open, true)).status).toBe(404);
    // And nothing changed for them.
    expect(await (await getDb()).postFollow.count({ where: { userId: elsewhere.owner.id } })).toBe(0);
  });

  it("needs posts:read on a token, and refuses bad input with a 422 that changes nothing", async () => {
    const s = await setup();
    const postId = await s.post(s.ana.cookie, "Tokens");
    const token = async (scopes: string[]) =>
      (await api("POST", `${s.base}/tokens`, { cookie: s.cookie, body: { name: "t", scopes } })).json.data
        .token as string;
    const reader = await token(["posts:read"]);
    const channelsOnly = await token(["channels:read"]);
    expect((await api("GET", `${s.base}/inbox`, { token: reader })).status).toBe(200);
    expect((await api("GET", `${s.base}/inbox`, { token: channelsOnly })).status).toBe(403);
    expect(
      (await api("PUT", `${s.base}/posts/${postId}/follow`, { token: channelsOnly, body: { following: true } })).status,
    ).toBe(403);
    expect(
      (await api("PUT", `${s.base}/posts/${postId}/follow`, { token: reader, body: { following: true } })).status,
    ).toBe(200);
    expect((await api("GET", `${s.base}/inbox`)).status).toBe(401);

    const before = await (await getDb()).postFollow.count();
    for (const body of [{}, { following: "yes" }, { following: true, extra: 1 }, null, []])
      expect((await s.follow(s.ben.cookie, postId, body as never)).status, JSON.stringify(body)).toBe(422);
    for (const body of [{}, { following: "yes" }, { following: true, extra: 1 }])
      expect(
        (await api("PUT", `${s.base}/posts/${postId}/follow`, { cookie: s.ben.cookie, body })).status,
        JSON.stringify(body),
      ).toBe(422);
    expect((await s.done(s.ben.cookie, "not an id!")).status).toBe(422);
    expect(await (await getDb()).postFollow.count()).toBe(before);
  });
});

describe("unread counts and mark all read", { timeout: 90_000 }, () => {
  it("counts posts and mentions per followed channel, and clears every channel at once", async () => {
    const s = await setup();
    const other = await api("POST", `${s.base}/channels`, { cookie: s.cookie, body: { name: `random-${Date.now()}` } });
    const otherId = other.json.data.id as string;
    const joined = await api("POST", `${s.base}/channels/${otherId}/members`, {
      cookie: s.ana.cookie,
      body: { userId: s.ana.user.id },
    });
    expect(joined.status).toBe(201);
    await s.post(s.ben.cookie, "One");
    await s.post(s.ben.cookie, "Two", `cc @${s.ana.user.handle}`);
    const third = await s.post(s.ben.cookie, "Three", "x", otherId);
    await s.comment(s.cookie, third, `@${s.ana.user.handle} see this`);
    await s.post(s.ana.cookie, "Mine"); // one's own post is not unread

    const counts = async () =>
      Object.fromEntries(
        (await api("GET", `${s.base}/channels`, { cookie: s.ana.cookie })).json.data.map(
          (c: { id: string; unreadCount: number; mentionCount: number }) => [c.id, [c.unreadCount, c.mentionCount]],
        ),
      );
    expect(await counts()).toMatchObject({ [s.general.id]: [2, 1], [otherId]: [1, 1] });

    const res = await api("POST", `${s.base}/read`, { cookie: s.ana.cookie });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ workspaceId: s.workspace.id, channels: 2 });
    expect(await counts()).toMatchObject({ [s.general.id]: [0, 0], [otherId]: [0, 0] });
    const catchUp = await api("GET", `${s.base}/catch-up`, { cookie: s.ana.cookie });
    expect(catchUp.json.data.total).toBe(0);
    // Ben's counts are his own: reading is per person.
    const bens = (await api("GET", `${s.base}/channels`, { cookie: s.ben.cookie })).json.data;
    expect(bens.find((c: { id: string }) => c.id === s.general.id).unreadCount).toBe(1); // Ana's post

    expect((await api("POST", `${s.base}/read`, { cookie: (await createWorkspaceWithOwner()).cookie })).status).toBe(
      404,
    );
  });
});
