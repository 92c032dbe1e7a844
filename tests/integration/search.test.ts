// Search: full-text over post titles, bodies and comments of the channels the reader may see, with the filters
// in:#channel, from:@handle, before:/after: and has:file; ranked, highlighted, cursor-paginated; every refusal.
import { beforeAll, describe, expect, it } from "vitest";
import { processAttachment } from "@/lib/domain/files/process-attachment";
import { api } from "../support/api";
import { createWorkspaceWithOwner, memberOf } from "../factories";

type Hit = {
  post: { id: string; title: string };
  commentId: string | null;
  channel: { id: string; name: string; kind: string; archived: boolean };
  author: { handle: string };
  snippet: { text: string; match: boolean }[];
};

let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const ws = await createWorkspaceWithOwner();
  const base = `/api/v1/workspaces/${ws.workspace.id}`;
  const member = await memberOf(ws.workspace.id, "MEMBER");
  const guest = await memberOf(ws.workspace.id, "GUEST");
  const insider = await memberOf(ws.workspace.id, "MEMBER");
  const channel = async (name: string, kind = "PUBLIC") =>
    (await api("POST", `${base}/channels`, { cookie: ws.cookie, body: { name, kind } })).json.data.id as string;
  const post = async (channelId: string, title: string, body: string, cookie = ws.cookie) => {
    const res = await api("POST", `${base}/channels/${channelId}/posts`, { cookie, body: { title, body } });
    expect(res.status).toBe(201);
    return res.json.data.id as string;
  };
  const comment = async (postId: string, body: string, cookie = ws.cookie) =>
    (await api("POST", `${base}/posts/${postId}/comments`, { cookie, body: { body } })).json.data.id as string;

  const secret = await channel("secret-plans", "PRIVATE");
  await api("POST", `${base}/channels/${secret}/members`, { cookie: ws.cookie, body: { userId: insider.user.id } });
  const old = await channel("old-stuff");
  // The guest is added to general only.
  await api("POST", `${base}/channels/${ws.general.id}/members`, {
    cookie: ws.cookie,
    body: { userId: guest.user.id },
  });

  const release = await post(ws.general.id, "Release notes for the winter launch", "We are deploying the new editor.");
  const other = await post(ws.general.id, "Lunch plans", "Pizza on Friday", member.cookie);
  const reply = await comment(other, "The release checklist is in the wiki");
  const hidden = await post(secret, "Acquisition of Globex", "The release of this news waits for the board");
  const archivedPost = await post(old, "Old release process", "How releases used to work");
  await api("PATCH", `${base}/channels/${old}`, { cookie: ws.cookie, body: { archived: true } });
  const gone = await post(ws.general.id, "Deleted release", "This release post is deleted");
  await api("DELETE", `${base}/posts/${gone}`, { cookie: ws.cookie });
  // A post with a processed file attached.
  const withFile = await post(ws.general.id, "Screenshots of the release", "Attached");
  const file = await api("POST", `${base}/files`, {
    cookie: ws.cookie,
    body: { name: "s.txt", size: 5, type: "text/plain" },
  });
  await api("PUT", `${base}/files/${file.json.data.id}/content`, { cookie: ws.cookie, body: { data: "aGVsbG8=" } });
  await processAttachment(file.json.data.id);
  const attached = await api("POST", `${base}/posts/${withFile}/files`, {
    cookie: ws.cookie,
    body: { fileIds: [file.json.data.id] },
  });
  expect(attached.status).toBeLessThan(300);
  return { ...ws, base, member, guest, insider, release, other, reply, hidden, archivedPost, gone, withFile };
}

beforeAll(async () => {
  w = await world();
}, 120_000);

async function find(q: string, cookie = w.cookie, extra: Record<string, string> = {}) {
  const res = await api("GET", `${w.base}/search?${new URLSearchParams({ q, ...extra })}`, { cookie });
  expect(res.status, JSON.stringify(res.json)).toBe(200);
  return res.json as { data: Hit[]; nextCursor: string | null };
}
const postIds = (hits: Hit[]) => hits.map((h) => h.post.id);

describe("search", { timeout: 60_000 }, () => {
  it("finds words by their stem in titles, bodies and comments, and marks what matched", async () => {
    const { data } = await find("deploy");
    expect(postIds(data)).toEqual([w.release]);
    expect(data[0]!.snippet.filter((p) => p.match).map((p) => p.text.toLowerCase())).toContain("deploying");
    const releases = await find("release");
    expect(postIds(releases.data)).toEqual(expect.arrayContaining([w.release, w.other, w.withFile]));
    const commentHit = releases.data.find((h) => h.commentId === w.reply);
    expect(commentHit).toMatchObject({ post: { id: w.other, title: "Lunch plans" }, channel: { name: "general" } });
    // The title weighs more than the body: the post titled "Release notes…" ranks above the comment.
    expect(releases.data.findIndex((h) => h.post.id === w.release)).toBeLessThan(
      releases.data.findIndex((h) => h.commentId === w.reply),
    );
  });

  it("takes exact phrases and exclusions", async () => {
    expect(postIds((await find('"winter launch"')).data)).toEqual([w.release]);
    expect(postIds((await find('"launch winter"')).data)).toEqual([]);
    const notWinter = postIds((await find("release -winter")).data);
    expect(notWinter).not.toContain(w.release);
    expect(notWinter).toContain(w.withFile);
  });

  it("filters by channel, author, dates and files", async () => {
    expect((await find("release in:#general")).data.every((h) => h.channel.name === "general")).toBe(true);
    expect((await find("release in:#nowhere")).data).toEqual([]);
    const byMember = await find(`from:@${w.member.user.handle}`);
    expect(postIds(byMember.data)).toEqual([w.other]);
    expect(byMember.data[0]!.snippet.map((p) => p.text).join("")).toContain("Pizza");
    const today = new Date().toISOString().slice(0, 10);
    expect((await find(`release before:${today}`)).data).toEqual([]);
    expect((await find(`release after:2020-01-01`)).data.length).toBeGreaterThan(0);
    expect(postIds((await find("release has:file")).data)).toEqual([w.withFile]);
  });

  it("never shows a channel the reader cannot see, deleted posts, or archived channels unless asked", async () => {
    const all = (await find("release")).data;
    expect(postIds(all)).not.toContain(w.gone);
    expect(postIds(all)).not.toContain(w.archivedPost);
    // The owner is a member of the private channel they created: it shows for them…
    expect(postIds(all)).toContain(w.hidden);
    // …and for the member added to it, but not for another member or the guest.
    expect(postIds((await find("release", w.insider.cookie)).data)).toContain(w.hidden);
    expect(postIds((await find("release", w.member.cookie)).data)).not.toContain(w.hidden);
    const guest = (await find("release", w.guest.cookie)).data;
    expect(guest.length).toBeGreaterThan(0);
    expect(guest.every((h) => h.channel.name === "general")).toBe(true);
    // Asked for, the archived channel's post comes back, marked.
    const withArchived = await find("release", w.cookie, { archived: "include" });
    expect(withArchived.data.find((h) => h.post.id === w.archivedPost)?.channel.archived).toBe(true);
  });

  it("pages with a cursor: each hit once, in rank order", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await find("release", w.cookie, { limit: "1", ...(cursor ? { cursor } : {}) });
      seen.push(...page.data.map((h) => h.commentId ?? h.post.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    const whole = (await find("release")).data.map((h) => h.commentId ?? h.post.id);
    expect(seen).toEqual(whole);
    expect(new Set(seen).size).toBe(seen.length);
    expect(pages).toBe(whole.length);
  });

  it("refuses bad input with a 422 that says what is wrong, and other workspaces with a 404", async () => {
    const bad = async (query: string) => api("GET", `${w.base}/search?${query}`, { cookie: w.cookie });
    for (const [query, message] of [
      ["q=", /type something/],
      ["q=release+from:@x", /from: takes/],
      ["q=release+before:2026-02-30", /before: takes a date/],
      ["q=has:picture", /has: takes only has:file/],
      ["q=in:%23bad!name", /in: takes a channel name/],
      [`q=${"x".repeat(301)}`, /at most 300/],
      ["q=release&cursor=abc", /cursor/],
      ["q=release&limit=500", /limit|50/],
      ["q=release&sort=new", /sort|unrecognized|Unrecognized/],
    ] as const) {
      const res = await bad(query);
      expect(res.status, query).toBe(422);
      expect(JSON.stringify(res.json.error), query).toMatch(message);
    }
    const stranger = await createWorkspaceWithOwner();
    const res = await api("GET", `${w.base}/search?q=release`, { cookie: stranger.cookie });
    expect(res.status).toBe(404);
    expect((await api("GET", `${w.base}/search?q=release`, {})).status).toBe(401);
  });
});
