// Level ALL ("Everything"): notify-followers gives each follower at that level an in-app notification of kind "post"
// and an email for every new post. It runs here under @inngest/test with its real steps against the real database
// and the dev mailbox, as notify-mentions does in mentions.test.ts.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { notifyFollowersFn } from "@/inngest/functions/notify-followers";
import { loadClaims, sessionActor } from "@/lib/auth/claims";
import { forgetComputed, levelsScope } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { notificationFeed } from "@/lib/domain/notifications/notification-feed";
import { sendPostEmail } from "@/lib/domain/notifications/notify-followers";
import { api } from "../support/api";
import { useEmbeddedRuntime } from "../support/background";
import { createWorkspaceWithOwner, memberOf } from "../factories";

type Level = "ALL" | "MENTIONS" | "NOTHING";

const postMails = async (email: string) =>
  (await listMailTo(await getDb(), email)).filter((m) => m.subject.includes(" posted "));

const postNotifications = async (userId: string, postId: string) =>
  (await getDb()).notification.findMany({ where: { userId, postId, kind: "post" } });

/** The level, set in the table directly (as setChannelNotifyLevel would, renewing what the cache knows of it). */
async function setLevel(channelId: string, userId: string, notifyLevel: Level) {
  await (
    await getDb()
  ).channelMember.update({ where: { channelId_userId: { channelId, userId } }, data: { notifyLevel } });
  await forgetComputed([levelsScope(channelId)]);
}

/** Creates a post through the API and answers the post/created payload its outbox row recorded. */
async function createPost(cookie: string, workspaceId: string, channelId: string, title: string, body: string) {
  const res = await api("POST", `/api/v1/workspaces/${workspaceId}/channels/${channelId}/posts`, {
    cookie,
    body: { title, body },
  });
  expect(res.status).toBe(201);
  const postId: string = res.json.data.id;
  const rows = await (await getDb()).outboxEvent.findMany({ where: { name: "post/created" } });
  const row = rows.find((r) => (r.data as { postId?: string }).postId === postId);
  expect(row).toBeDefined();
  return { postId, event: row!.data as Record<string, string | number> };
}

async function runNotify(data: Record<string, string | number>) {
  const t = new InngestTestEngine({
    function: notifyFollowersFn,
    events: [{ name: "post/created", data, id: `evt-${Math.random()}` }],
  });
  const { result, error } = (await t.execute()) as { result: { notified: number; emailed: number }; error?: unknown };
  expect(error).toBeUndefined();
  return result;
}

const actorOf = async (userId: string) => sessionActor((await loadClaims(userId, "direct-domain-call"))!);

describe("notify-followers (level ALL)", () => {
  it("notifies followers at ALL about every post, in-app and by email, once whatever the retries", async () => {
    const { cookie, owner, workspace, general } = await createWorkspaceWithOwner();
    const everything = await memberOf(workspace.id, "MEMBER");
    const everythingMentioned = await memberOf(workspace.id, "MEMBER");
    const mentionsOnly = await memberOf(workspace.id, "MEMBER");
    const nothing = await memberOf(workspace.id, "MEMBER");
    const nothingMentioned = await memberOf(workspace.id, "MEMBER");
    await setLevel(general.id, everything.user.id, "ALL");
    await setLevel(general.id, everythingMentioned.user.id, "ALL");
    await setLevel(general.id, mentionsOnly.user.id, "MENTIONS");
    await setLevel(general.id, nothing.user.id, "NOTHING");
    await setLevel(general.id, nothingMentioned.user.id, "NOTHING");
    await setLevel(general.id, owner.id, "ALL"); // the author: never about their own post

    const body = `For @${everythingMentioned.user.handle} and @${nothingMentioned.user.handle}`;
    const { postId, event } = await createPost(cookie, workspace.id, general.id, "Roadmap", body);

    expect(await runNotify(event)).toEqual({ notified: 1, emailed: 1 });
    // A retry, a re-dispatch: the same effect, no second notification, no second email.
    expect(await runNotify(event)).toEqual({ notified: 1, emailed: 1 });

    expect(await postNotifications(everything.user.id, postId)).toHaveLength(1);
    const [mail, ...more] = await postMails(everything.user.email);
    expect(more).toHaveLength(0);
    expect(mail?.subject).toBe(`${owner.name} posted “Roadmap” in #general`);
    expect(mail?.text).toContain("For @");
    expect(mail?.text).toContain(`/w/${workspace.id}/p/${postId}`);
    expect(mail?.text).toMatch(/unsubscribe/i);

    // The mentioned follower at ALL has the mention, not a second notification about the same post.
    const mentionedRows = await (
      await getDb()
    ).notification.findMany({ where: { userId: everythingMentioned.user.id, postId } });
    expect(mentionedRows.map((n) => n.kind)).toEqual(["mention"]);
    expect(await postMails(everythingMentioned.user.email)).toHaveLength(0);
    // NOTHING: no "post" notification, no email; a mention still leaves its in-app notification (documented).
    const nothingRows = await (
      await getDb()
    ).notification.findMany({ where: { userId: nothingMentioned.user.id, postId } });
    expect(nothingRows.map((n) => n.kind)).toEqual(["mention"]);
    for (const quiet of [mentionsOnly, nothing, nothingMentioned]) {
      expect(await postNotifications(quiet.user.id, postId)).toHaveLength(0);
      expect(await postMails(quiet.user.email)).toHaveLength(0);
    }
    expect(await postNotifications(owner.id, postId)).toHaveLength(0);
    expect(await postMails(owner.email)).toHaveLength(0);

    // The in-app list and the API say what happened: "<author> posted <title> in #general".
    const feed = await notificationFeed(await actorOf(everything.user.id), { limit: 10 });
    expect(feed.unread).toBe(1);
    expect(feed.items[0]).toMatchObject({
      kind: "post",
      inComment: false,
      actor: { id: owner.id, name: owner.name },
      post: { id: postId, title: "Roadmap", channelId: general.id, channelName: "general" },
    });
    const listed = await api("GET", "/api/v1/me/notifications", { cookie: everything.cookie });
    expect(listed.status).toBe(200);
    expect(listed.json.data[0]).toMatchObject({ kind: "post", post: { id: postId, channelName: "general" } });
  });

  it("runs for every post in the app's runtime: posted through the API, relayed by the outbox", async () => {
    const runtime = useEmbeddedRuntime();
    try {
      const { cookie, owner, workspace, general } = await createWorkspaceWithOwner();
      const follower = await memberOf(workspace.id, "MEMBER");
      const level = await api("PUT", `/api/v1/workspaces/${workspace.id}/channels/${general.id}/membership`, {
        cookie: follower.cookie,
        body: { notifyLevel: "ALL" },
      });
      expect(level.status).toBe(200);
      const { postId } = await createPost(cookie, workspace.id, general.id, "Shipped", "v2 is out");
      await runtime.drain();
      expect(await postNotifications(follower.user.id, postId)).toMatchObject([{ actorId: owner.id }]);
      expect((await postMails(follower.user.email)).map((m) => m.subject)).toEqual([
        `${owner.name} posted “Shipped” in #general`,
      ]);
    } finally {
      runtime.uninstall();
    }
  });

  it("a post with no follower at ALL notifies no one", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER"); // the default level: MENTIONS
    const { postId, event } = await createPost(cookie, workspace.id, general.id, "Quiet", "nothing to see");
    expect(await runNotify(event)).toEqual({ notified: 0, emailed: 0 });
    expect(await postNotifications(member.user.id, postId)).toHaveLength(0);
  });

  it("leaves out whoever can no longer see the channel: removed from a private channel, or from the workspace", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const stays = await memberOf(workspace.id, "MEMBER");
    const removed = await memberOf(workspace.id, "MEMBER");
    const leftWorkspace = await memberOf(workspace.id, "MEMBER");
    const channel = await api("POST", `${base}/channels`, { cookie, body: { name: "secret", kind: "PRIVATE" } });
    expect(channel.status).toBe(201);
    const channelId: string = channel.json.data.id;
    for (const m of [stays, removed, leftWorkspace]) {
      const added = await api("POST", `${base}/channels/${channelId}/members`, { cookie, body: { userId: m.user.id } });
      expect(added.status).toBe(201);
      await setLevel(channelId, m.user.id, "ALL");
    }
    const { postId, event } = await createPost(cookie, workspace.id, channelId, "Merger", "confidential");
    // Between the post and its notifications: one is taken out of the channel; another's workspace membership goes
    // while their channel membership row stays behind (canViewChannel refuses them: no role in the workspace).
    const out = await api("DELETE", `${base}/channels/${channelId}/members/${removed.user.id}`, { cookie });
    expect(out.status).toBe(204);
    await (
      await getDb()
    ).membership.delete({
      where: { workspaceId_userId: { workspaceId: workspace.id, userId: leftWorkspace.user.id } },
    });

    expect(await runNotify(event)).toEqual({ notified: 1, emailed: 1 });
    expect(await postNotifications(stays.user.id, postId)).toHaveLength(1);
    for (const gone of [removed, leftWorkspace]) {
      expect(await postNotifications(gone.user.id, postId)).toHaveLength(0);
      expect(await postMails(gone.user.email)).toHaveLength(0);
    }
  });

  it("a post deleted before the function runs notifies no one; deleted before its email, no email", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const follower = await memberOf(workspace.id, "MEMBER");
    await setLevel(general.id, follower.user.id, "ALL");

    const gone = await createPost(cookie, workspace.id, general.id, "Oops", "wrong channel");
    expect((await api("DELETE", `${base}/posts/${gone.postId}`, { cookie })).status).toBe(204);
    expect(await runNotify(gone.event)).toEqual({ notified: 0, emailed: 0 });
    expect(await postNotifications(follower.user.id, gone.postId)).toHaveLength(0);

    // The email step re-reads the post: deleted after the in-app step, or the level lowered since, no email.
    const later = await createPost(cookie, workspace.id, general.id, "Later", "x");
    expect((await api("DELETE", `${base}/posts/${later.postId}`, { cookie })).status).toBe(204);
    expect(await sendPostEmail(later.postId, follower.user.id)).toEqual({ sent: false, reason: "deleted" });
    const lowered = await createPost(cookie, workspace.id, general.id, "Lowered", "x");
    await setLevel(general.id, follower.user.id, "MENTIONS");
    expect(await sendPostEmail(lowered.postId, follower.user.id)).toEqual({ sent: false, reason: "level changed" });
    expect(await postMails(follower.user.email)).toHaveLength(0);
  });
});
