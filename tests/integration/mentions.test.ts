// Mentions: stored with the post or comment (Mention + Notification, same transaction), emailed by notify-mentions,
// which runs here under @inngest/test with its real steps against the real database and the dev mailbox.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { notifyMentionsFn } from "@/inngest/functions/notify-mentions";
import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { listNotifications } from "@/lib/domain/notifications/list-notifications";
import { loadClaims, sessionActor } from "@/lib/auth/claims";
import { api } from "../support/api";
import { createUser, createWorkspaceWithOwner, memberOf } from "../factories";
import { testExecutor } from "../support/background";

const mentionMails = async (email: string) =>
  (await listMailTo(await getDb(), email)).filter((m) => m.subject.includes("mentioned you"));

async function runNotify(name: "post/created" | "comment/created", data: Record<string, string | number>) {
  const t = new InngestTestEngine({ function: notifyMentionsFn, events: [{ name, data, id: `evt-${Math.random()}` }] });
  const { result, error } = (await t.execute()) as { result: { mentions: number; emailed: number }; error?: unknown };
  expect(error).toBeUndefined();
  return result;
}

describe("mentions", () => {
  it("stores mentions of members who can see the channel, notifies them in-app, and emails per their level", async () => {
    const { cookie, owner, workspace, general } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const ada = await memberOf(workspace.id, "MEMBER");
    const bob = await memberOf(workspace.id, "MEMBER");
    const outsider = await createUser();
    const db = await getDb();
    await db.channelMember.update({
      where: { channelId_userId: { channelId: general.id, userId: bob.user.id } },
      data: { notifyLevel: "NOTHING" },
    });

    const body = `Hey @${ada.user.handle} and @${bob.user.handle}, also @${outsider.handle} and @${owner.handle} (me) and \`@${ada.user.handle}\``;
    const post = await api("POST", `${base}/channels/${general.id}/posts`, { cookie, body: { title: "Plans", body } });
    expect(post.status).toBe(201);
    const postId: string = post.json.data.id;

    const mentions = await db.mention.findMany({ where: { postId }, select: { userId: true, commentId: true } });
    expect(mentions.map((m) => m.userId).sort()).toEqual([ada.user.id, bob.user.id].sort());
    const adaActor = sessionActor((await loadClaims(ada.user.id, "direct-domain-call"))!);
    const inbox = await listNotifications(adaActor, { limit: 10 });
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({ kind: "mention", postId, actorId: owner.id, commentId: null });

    const result = await runNotify("post/created", {
      workspaceId: workspace.id,
      channelId: general.id,
      postId,
      authorId: owner.id,
    });
    expect(result).toEqual({ mentions: 2, emailed: 1 });
    const [mail] = await mentionMails(ada.user.email);
    expect(mail?.subject).toBe(`${owner.name} mentioned you in #general`);
    expect(mail?.text).toContain("Plans");
    expect(mail?.text).toMatch(/unsubscribe/i);
    expect(await mentionMails(bob.user.email)).toHaveLength(0); // NOTHING → no email (but the in-app notification)
    expect(await mentionMails(outsider.email)).toHaveLength(0);

    // Delivered again (a retry, a re-dispatch): the same effect, no second email.
    await runNotify("post/created", { workspaceId: workspace.id, channelId: general.id, postId, authorId: owner.id });
    expect(await mentionMails(ada.user.email)).toHaveLength(1);
  });

  it("mentions in comments count, and private channels only reach their members", async () => {
    const { cookie, owner, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const insider = await memberOf(workspace.id, "MEMBER");
    const other = await memberOf(workspace.id, "MEMBER");
    const channel = await api("POST", `${base}/channels`, { cookie, body: { name: "secret", kind: "PRIVATE" } });
    expect(channel.status).toBe(201);
    const channelId: string = channel.json.data.id;
    const added = await api("POST", `${base}/channels/${channelId}/members`, {
      cookie,
      body: { userId: insider.user.id },
    });
    expect([200, 201, 204]).toContain(added.status);

    const post = await api("POST", `${base}/channels/${channelId}/posts`, {
      cookie,
      body: { title: "Quiet", body: "nothing to see" },
    });
    const comment = await api("POST", `${base}/posts/${post.json.data.id}/comments`, {
      cookie,
      body: { body: `@${insider.user.handle} @${other.user.handle} look` },
    });
    expect(comment.status).toBe(201);
    const db = await getDb();
    const mentions = await db.mention.findMany({ where: { commentId: comment.json.data.id } });
    expect(mentions.map((m) => m.userId)).toEqual([insider.user.id]);

    const result = await runNotify("comment/created", {
      workspaceId: workspace.id,
      postId: post.json.data.id,
      commentId: comment.json.data.id,
      authorId: owner.id,
    });
    expect(result).toEqual({ mentions: 1, emailed: 1 });
    expect(await mentionMails(insider.user.email)).toHaveLength(1);
    expect(await mentionMails(other.user.email)).toHaveLength(0);
  });

  it("the outbox row of a post says how many mentions it stored: none → the emails' run looks nothing up", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const ada = await memberOf(workspace.id, "MEMBER");
    const posts = `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`;
    const plain = await api("POST", posts, { cookie, body: { title: "Plain", body: "no one named" } });
    const named = await api("POST", posts, { cookie, body: { title: "Named", body: `hi @${ada.user.handle}` } });
    expect([plain.status, named.status]).toEqual([201, 201]);
    const db = await getDb();
    const eventOf = async (postId: string) => {
      const rows = await db.outboxEvent.findMany({ where: { name: "post/created" } });
      const row = rows.find((r) => (r.data as { postId?: string }).postId === postId);
      expect(row).toBeDefined(); // written with the post, in the same statement
      return row!.data as Record<string, string | number>;
    };
    const plainEvent = await eventOf(plain.json.data.id);
    const namedEvent = await eventOf(named.json.data.id);
    expect(plainEvent.mentions).toBe(0);
    expect(namedEvent.mentions).toBe(1);

    // The recorded payloads, as the functions receive them: the plain post does not even call the mention emails'
    // function or the Inbox's (their triggers' `if`), the other gets its email.
    const called = (data: Record<string, unknown>) =>
      testExecutor()
        .functionsFor({ id: `evt-${Math.random()}`, name: "post/created", data, ts: Date.now() })
        .map((fn) => fn.id());
    expect(called(plainEvent)).not.toContain("notify-mentions");
    expect(called(plainEvent)).not.toContain("update-inbox");
    expect(called(plainEvent)).toContain("webhook-fan-out");
    expect(called(namedEvent)).toEqual(expect.arrayContaining(["notify-mentions", "update-inbox"]));
    const { mentions: _recordedBefore, ...older } = plainEvent; // an event from before the count: looked up
    expect(called(older)).toContain("notify-mentions");
    expect(await runNotify("post/created", namedEvent)).toEqual({ mentions: 1, emailed: 1 });
    expect(await mentionMails(ada.user.email)).toHaveLength(1);
  });
});
