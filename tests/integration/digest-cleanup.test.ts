// The daily digest and the in-app catch-up share one query; the cron functions run under @inngest/test with their
// real steps (only the memoized clock step is mocked, to put the run at 08:00 UTC).
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { cleanupFn } from "@/inngest/functions/cleanup";
import { dailyDigestFn } from "@/inngest/functions/daily-digest";
import { loadClaims, sessionActor } from "@/lib/auth/claims";
import { findPostsAfterCutoffs } from "@/lib/data/catch-up";
import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { catchUp } from "@/lib/domain/digest/catch-up";
import { countStatements } from "@/lib/request-context";
import { api } from "../support/api";
import { createWorkspaceWithOwner, memberOf } from "../factories";

const at8utc = () => {
  const d = new Date();
  d.setUTCHours(8, 0, 0, 0);
  return d;
};

async function runCron<T>(fn: typeof dailyDigestFn | typeof cleanupFn, now: Date): Promise<T> {
  const t = new InngestTestEngine({ function: fn, steps: [{ id: "now", handler: () => now.toISOString() }] });
  const { result, error } = (await t.execute()) as { result: T; error?: unknown };
  expect(error).toBeUndefined();
  return result;
}

const digests = async (email: string) =>
  (await listMailTo(await getDb(), email)).filter((m) => /new posts? in your channels/.test(m.subject));

describe("catch-up and the daily digest", () => {
  it("lists unread posts by others in followed channels, and the digest sends them once a day in the person's morning", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const reader = await memberOf(workspace.id, "MEMBER");
    const quiet = await memberOf(workspace.id, "MEMBER");
    const elsewhere = await memberOf(workspace.id, "MEMBER");
    const db = await getDb();
    // Everything: the digest lists every unread post (the default, MENTIONS, only those that mention one: below).
    await db.channelMember.updateMany({
      where: { userId: { in: [reader.user.id, quiet.user.id, elsewhere.user.id] } },
      data: { notifyLevel: "ALL" },
    });
    await db.user.update({ where: { id: elsewhere.user.id }, data: { timeZone: "America/New_York" } }); // 03:00 there
    await db.channelMember.updateMany({
      where: { userId: quiet.user.id },
      data: { lastReadAt: new Date(Date.now() + 60_000) },
    });

    for (const title of ["One", "Two"]) {
      expect(
        (
          await api("POST", `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`, {
            cookie,
            body: { title, body: "x" },
          })
        ).status,
      ).toBe(201);
    }
    const actor = sessionActor((await loadClaims(reader.user.id, "direct-domain-call"))!);
    const before = await catchUp(actor, workspace.id);
    expect(before.total).toBe(2);
    expect(before.channels[0]).toMatchObject({ name: "general", workspaceId: workspace.id });
    expect(before.channels[0]?.posts.map((p) => p.title)).toEqual(["Two", "One"]);

    const run = await runCron<{ due: number; sent: number }>(dailyDigestFn, at8utc());
    expect(run.sent).toBeGreaterThanOrEqual(1);
    const [mail] = await digests(reader.user.email);
    expect(mail?.subject).toBe("2 new posts in your channels");
    expect(mail?.text).toContain("One");
    expect(mail?.text).toMatch(/unsubscribe/i);
    expect(await digests(quiet.user.email)).toHaveLength(0); // nothing new → no email
    expect(await digests(elsewhere.user.email)).toHaveLength(0); // not their morning

    // The same morning again: nobody is due twice.
    await runCron(dailyDigestFn, new Date(at8utc().getTime() + 30 * 60_000));
    expect(await digests(reader.user.email)).toHaveLength(1);

    // Reading the channel empties the catch-up list.
    await db.channelMember.updateMany({ where: { userId: reader.user.id }, data: { lastReadAt: new Date() } });
    expect((await catchUp(actor, workspace.id)).total).toBe(0);
  });
});

describe("the digest honours each channel's notification level", () => {
  it("ALL lists every unread post, MENTIONS those that mention the person (post or live comment), NOTHING none", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const everything = await memberOf(workspace.id, "MEMBER");
    const mentionsOnly = await memberOf(workspace.id, "MEMBER"); // the default level
    const nothing = await memberOf(workspace.id, "MEMBER");
    const db = await getDb();
    const level = (userId: string, notifyLevel: "ALL" | "NOTHING") =>
      db.channelMember.updateMany({ where: { userId }, data: { notifyLevel } });
    await level(everything.user.id, "ALL");
    await level(nothing.user.id, "NOTHING");

    const post = async (title: string, body: string) => {
      const res = await api("POST", `${base}/channels/${general.id}/posts`, { cookie, body: { title, body } });
      expect(res.status).toBe(201);
      return res.json.data.id as string;
    };
    const comment = async (postId: string, body: string) => {
      const res = await api("POST", `${base}/posts/${postId}/comments`, { cookie, body: { body } });
      expect(res.status).toBe(201);
      return res.json.data.id as string;
    };
    const handle = (m: typeof everything) => `@${m.user.handle}`;
    await post("Plain", "no one named");
    await post("Named in the post", `${handle(mentionsOnly)} ${handle(nothing)} ${handle(everything)}`);
    await comment(await post("Named in a comment", "x"), `${handle(mentionsOnly)} ${handle(nothing)} see above`);
    const withDeletedComment = await post("Named in a deleted comment", "x");
    const deletedComment = await comment(withDeletedComment, `${handle(mentionsOnly)} oops`);
    expect((await api("DELETE", `${base}/comments/${deletedComment}`, { cookie })).status).toBe(204);

    const run = await runCron<{ due: number; sent: number }>(dailyDigestFn, at8utc());
    expect(run.sent).toBeGreaterThanOrEqual(2);
    const [all] = await digests(everything.user.email);
    expect(all?.subject).toBe("4 new posts in your channels");
    const [mentioned] = await digests(mentionsOnly.user.email);
    expect(mentioned?.subject).toBe("2 new posts in your channels");
    expect(mentioned?.text).toContain("Named in the post");
    expect(mentioned?.text).toContain("Named in a comment");
    expect(mentioned?.text).not.toContain("Plain");
    expect(mentioned?.text).not.toContain("Named in a deleted comment");
    expect(await digests(nothing.user.email)).toHaveLength(0); // mentioned twice, still no digest

    // The posts of every channel, whatever their levels, in one statement.
    const cutoffs = [{ channelId: general.id, after: null, mentionsOnly: true }];
    const counted = await countStatements(() => findPostsAfterCutoffs(db, mentionsOnly.user.id, cutoffs, 50));
    expect(counted.result.map((p) => p.title).sort()).toEqual(["Named in a comment", "Named in the post"]);
    expect(counted.statements).toBe(1);

    // Catch up stays "everything unread in the channels I follow", whatever the level: the same query, no option.
    for (const m of [mentionsOnly, nothing]) {
      const actor = sessionActor((await loadClaims(m.user.id, "direct-domain-call"))!);
      expect((await catchUp(actor, workspace.id)).total).toBe(4);
    }
  });
});

describe("scheduled cleanup", () => {
  it("removes expired invites and tokens, sent outbox rows older than 7 days, and posts deleted over 30 days ago", async () => {
    const { cookie, owner, workspace, general } = await createWorkspaceWithOwner();
    const db = await getDb();
    const day = 86_400_000;
    const ago = (days: number) => new Date(Date.now() - days * day);
    const expired = await db.invite.create({
      data: {
        workspaceId: workspace.id,
        email: "gone@example.test",
        role: "MEMBER",
        invitedById: owner.id,
        expiresAt: ago(1),
      },
    });
    const open = await db.invite.create({
      data: {
        workspaceId: workspace.id,
        email: "open@example.test",
        role: "MEMBER",
        invitedById: owner.id,
        expiresAt: new Date(Date.now() + day),
      },
    });
    await db.oneTimeToken.create({
      data: {
        purpose: "PASSWORD_RESET",
        email: owner.email,
        userId: owner.id,
        tokenHash: `old-${Math.random()}`,
        expiresAt: ago(1),
      },
    });
    const oldSent = await db.outboxEvent.create({
      data: { name: "user/signed-up", data: {}, status: "SENT", sentAt: ago(8) },
    });
    const recentSent = await db.outboxEvent.create({
      data: { name: "user/signed-up", data: {}, status: "SENT", sentAt: ago(1) },
    });
    const pending = await db.outboxEvent.create({ data: { name: "user/signed-up", data: {}, createdAt: ago(30) } });
    const base = `/api/v1/workspaces/${workspace.id}`;
    const oldPost = (
      await api("POST", `${base}/channels/${general.id}/posts`, { cookie, body: { title: "old", body: "x" } })
    ).json.data.id as string;
    const newPost = (
      await api("POST", `${base}/channels/${general.id}/posts`, { cookie, body: { title: "new", body: "x" } })
    ).json.data.id as string;
    await db.post.update({ where: { id: oldPost }, data: { deletedAt: ago(31) } });
    await db.post.update({ where: { id: newPost }, data: { deletedAt: ago(2) } });
    const session = (device: string, lastSeenAt: Date, endedAt: Date | null = null) =>
      db.session.create({ data: { userId: owner.id, device, clientAddress: "unknown", lastSeenAt, endedAt } });
    const [endedLongAgo, unseenLongAgo, endedRecently, live] = [
      await session("ended long ago", ago(40), ago(32)),
      await session("unseen long ago", ago(32)),
      await session("ended recently", ago(3), ago(2)),
      await session("live", ago(0)),
    ];

    const removed = await runCron<{ invites: number; tokens: number; outbox: number; posts: number; sessions: number }>(
      cleanupFn,
      new Date(),
    );
    expect(removed.invites).toBeGreaterThanOrEqual(1);
    expect(removed.tokens).toBeGreaterThanOrEqual(1);
    expect(removed.outbox).toBeGreaterThanOrEqual(1);
    expect(removed.posts).toBeGreaterThanOrEqual(1);
    expect(removed.sessions).toBeGreaterThanOrEqual(2);
    const left = await db.session.findMany({ where: { userId: owner.id }, select: { id: true } });
    expect(left.map((s) => s.id)).not.toContain(endedLongAgo.id);
    expect(left.map((s) => s.id)).not.toContain(unseenLongAgo.id);
    expect(left.map((s) => s.id)).toEqual(expect.arrayContaining([endedRecently.id, live.id]));
    expect(await db.invite.findUnique({ where: { id: expired.id } })).toBeNull();
    expect(await db.invite.findUnique({ where: { id: open.id } })).not.toBeNull();
    expect(await db.outboxEvent.findUnique({ where: { id: oldSent.id } })).toBeNull();
    expect(await db.outboxEvent.findUnique({ where: { id: recentSent.id } })).not.toBeNull();
    expect(await db.outboxEvent.findUnique({ where: { id: pending.id } })).not.toBeNull(); // never drops a promise
    expect(await db.post.findUnique({ where: { id: oldPost } })).toBeNull();
    expect(await db.post.findUnique({ where: { id: newPost } })).not.toBeNull();
  });
});
