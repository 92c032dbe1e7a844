// Reactions (any emoji, idempotent, who reacted) and pins (a channel's noticeboard), through the API, with every
// refusal: other workspaces, guests outside the channel, read-only tokens, archived channels, limits, bad emoji.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { api } from "../support/api";
import { createWorkspaceWithOwner, memberOf } from "../factories";

async function setup() {
  const ws = await createWorkspaceWithOwner();
  const base = `/api/v1/workspaces/${ws.workspace.id}`;
  const member = await memberOf(ws.workspace.id, "MEMBER");
  const other = await memberOf(ws.workspace.id, "MEMBER");
  const guest = await memberOf(ws.workspace.id, "GUEST");
  const post = async (channelId = ws.general.id, title = "Ship it", cookie = ws.cookie) => {
    const res = await api("POST", `${base}/channels/${channelId}/posts`, { cookie, body: { title, body: "Body" } });
    expect(res.status).toBe(201);
    return res.json.data.id as string;
  };
  const postId = await post();
  const commentId = (await api("POST", `${base}/posts/${postId}/comments`, { cookie: ws.cookie, body: { body: "c" } }))
    .json.data.id as string;
  const react = (cookie: string, body: object, id = postId) =>
    api("PUT", `${base}/posts/${id}/reactions`, { cookie, body });
  const pin = (cookie: string, pinned: boolean, id = postId) =>
    api("PUT", `${base}/posts/${id}/pin`, { cookie, body: { pinned } });
  return { ...ws, base, member, other, guest, post, postId, commentId, react, pin };
}

describe("reactions", { timeout: 60_000 }, () => {
  it("adds once however often it is sent, counts everyone with their names, and removes", async () => {
    const s = await setup();
    const first = await s.react(s.member.cookie, { emoji: "👍", reacted: true });
    expect(first.status).toBe(200);
    expect(first.json.data).toEqual([
      {
        commentId: null,
        emoji: "👍",
        count: 1,
        reactedByMe: true,
        people: [{ id: s.member.user.id, name: s.member.user.name, handle: s.member.user.handle }],
      },
    ]);
    expect((await s.react(s.member.cookie, { emoji: "👍", reacted: true })).json.data[0].count).toBe(1);
    const both = await s.react(s.other.cookie, { emoji: "👍", reacted: true });
    expect(both.json.data[0]).toMatchObject({ count: 2, reactedByMe: true });
    expect(both.json.data[0].people.map((p: { id: string }) => p.id)).toEqual([s.member.user.id, s.other.user.id]);
    const removed = await s.react(s.member.cookie, { emoji: "👍", reacted: false });
    expect(removed.json.data[0]).toMatchObject({ count: 1, reactedByMe: false });
    // Removing what is not there changes nothing.
    expect((await s.react(s.member.cookie, { emoji: "👍", reacted: false })).status).toBe(200);
    expect(await (await getDb()).reaction.count({ where: { postId: s.postId } })).toBe(1);
  });

  it("reacts to a comment of the post, and lists post and comment reactions together", async () => {
    const s = await setup();
    await s.react(s.member.cookie, { emoji: "🎉", reacted: true });
    const onComment = await s.react(s.member.cookie, { emoji: "❤️", commentId: s.commentId, reacted: true });
    expect(onComment.json.data).toEqual([expect.objectContaining({ commentId: s.commentId, emoji: "❤️" })]);
    const list = await api("GET", `${s.base}/posts/${s.postId}/reactions`, { cookie: s.guest.cookie });
    expect(list.status).toBe(404); // the guest was not added to general
    const mine = await api("GET", `${s.base}/posts/${s.postId}/reactions`, { cookie: s.other.cookie });
    expect(mine.json.data.map((r: { emoji: string; reactedByMe: boolean }) => [r.emoji, r.reactedByMe])).toEqual([
      ["🎉", false],
      ["❤️", false],
    ]);
    // A comment of another post is not this post's.
    const elsewhere = await s.post();
    expect(
      (await s.react(s.member.cookie, { emoji: "👀", commentId: s.commentId, reacted: true }, elsewhere)).status,
    ).toBe(404);
  });

  it("takes one emoji of any kind, and refuses anything else with a 422", async () => {
    const s = await setup();
    for (const emoji of ["🇫🇷", "👍🏽", "👩‍💻", "❤️", "1️⃣"])
      expect((await s.react(s.member.cookie, { emoji, reacted: true })).status, emoji).toBe(200);
    for (const emoji of ["", "abc", "👍👍", ":+1:", "<b>", "a👍", "👍 x"]) {
      const res = await s.react(s.member.cookie, { emoji, reacted: true });
      expect(res.status, emoji).toBe(422);
      expect(JSON.stringify(res.json.error)).toMatch(/emoji|required/);
    }
  });

  it("keeps to 20 different emoji per post; one already there still counts", async () => {
    const s = await setup();
    const many = [..."😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙🥲😚🙂"];
    for (const emoji of many) expect((await s.react(s.member.cookie, { emoji, reacted: true })).status).toBe(200);
    const more = await s.react(s.member.cookie, { emoji: "🤔", reacted: true });
    expect(more.status).toBe(409);
    expect(more.json.error.message).toMatch(/at most 20/);
    expect((await s.react(s.other.cookie, { emoji: "😀", reacted: true })).status).toBe(200);
  });

  it("is refused to other workspaces, read-only tokens and in archived channels", async () => {
    const s = await setup();
    const stranger = await createWorkspaceWithOwner();
    expect((await s.react(stranger.cookie, { emoji: "👍", reacted: true })).status).toBe(404);
    expect((await s.react(s.guest.cookie, { emoji: "👍", reacted: true })).status).toBe(404);
    const token = await api("POST", `${s.base}/tokens`, {
      cookie: s.cookie,
      body: { name: "read", scopes: ["posts:read"] },
    });
    const viaToken = await api("PUT", `${s.base}/posts/${s.postId}/reactions`, {
      token: token.json.data.token,
      body: { emoji: "👍", reacted: true },
    });
    expect(viaToken.status).toBe(403);
    await api("PATCH", `${s.base}/channels/${s.general.id}`, { cookie: s.cookie, body: { archived: true } });
    expect((await s.react(s.member.cookie, { emoji: "👍", reacted: true })).status).toBe(409);
    expect(await (await getDb()).reaction.count({ where: { postId: s.postId } })).toBe(0);
  });
});

describe("pins", { timeout: 60_000 }, () => {
  it("a member pins and unpins; pinned posts list newest pin first; pinning twice is one pin", async () => {
    const s = await setup();
    const second = await s.post(s.general.id, "Second");
    expect((await s.pin(s.member.cookie, true)).json.data.pinnedAt).not.toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    expect((await s.pin(s.member.cookie, true, second)).status).toBe(200);
    const pinnedAt = (await s.pin(s.other.cookie, true)).json.data.pinnedAt;
    const list = await api("GET", `${s.base}/channels/${s.general.id}/pins`, { cookie: s.member.cookie });
    expect(list.json.data.map((p: { id: string }) => p.id)).toEqual([second, s.postId]);
    expect(list.json.data[1].pinnedAt).toBe(pinnedAt);
    expect((await s.pin(s.member.cookie, false)).json.data.pinnedAt).toBeNull();
    const after = await api("GET", `${s.base}/channels/${s.general.id}/pins`, { cookie: s.member.cookie });
    expect(after.json.data.map((p: { id: string }) => p.id)).toEqual([second]);
    // A deleted post leaves the board.
    await api("DELETE", `${s.base}/posts/${second}`, { cookie: s.cookie });
    expect((await api("GET", `${s.base}/channels/${s.general.id}/pins`, { cookie: s.cookie })).json.data).toEqual([]);
  });

  it("in an announcement channel only admins pin; guests, strangers and read tokens are refused", async () => {
    const s = await setup();
    const news = (
      await api("POST", `${s.base}/channels`, { cookie: s.cookie, body: { name: "news", kind: "ANNOUNCEMENT" } })
    ).json.data.id as string;
    const announcement = await s.post(news, "Holiday schedule");
    const refused = await s.pin(s.member.cookie, true, announcement);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toMatch(/may post/);
    expect((await s.pin(s.cookie, true, announcement)).status).toBe(200);
    expect((await s.pin(s.guest.cookie, true)).status).toBe(404);
    expect((await s.pin((await createWorkspaceWithOwner()).cookie, true)).status).toBe(404);
    expect((await api("GET", `${s.base}/channels/${news}/pins`, { cookie: s.guest.cookie })).status).toBe(404);
    const token = await api("POST", `${s.base}/tokens`, {
      cookie: s.cookie,
      body: { name: "read", scopes: ["posts:read"] },
    });
    const viaToken = await api("PUT", `${s.base}/posts/${s.postId}/pin`, {
      token: token.json.data.token,
      body: { pinned: true },
    });
    expect(viaToken.status).toBe(403);
    expect((await (await getDb()).post.findUniqueOrThrow({ where: { id: s.postId } })).pinnedAt).toBeNull();
  });

  it("keeps to 25 pins per channel", async () => {
    const s = await setup();
    for (let i = 0; i < 25; i++)
      expect((await s.pin(s.cookie, true, await s.post(s.general.id, `P${i}`))).status).toBe(200);
    const full = await s.pin(s.cookie, true);
    expect(full.status).toBe(409);
    expect(full.json.error.message).toMatch(/at most 25/);
  });
});
