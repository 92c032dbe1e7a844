// The promise the cached counts (the sidebar's unread, mention and Inbox badges, the API's channel list) must keep, on
// whichever cache adapter the test file chose by env: a warm read asks the database nothing, and every change that
// moves a count shows on the very next read — a post or comment by someone else, a deletion and a restore, reading,
// "Mark all read", the Inbox's activity (recorded in the background) and Done, joining a channel. The same for what the
// background work of every post asks the cache: whether an endpoint wants the webhook, whether anyone follows at ALL.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { workspaceCounts } from "@/lib/domain/channels/list-channels";
import { unreadNotificationCount } from "@/lib/domain/notifications/list-notifications";
import { notifyFollowers } from "@/lib/domain/notifications/notify-followers";
import { workspaceSubscribesTo } from "@/lib/domain/webhooks/fan-out";
import { countStatements } from "@/lib/request-context";
import { actorOf } from "../integration/actions/helpers";
import { createWorkspaceWithOwner, memberOf } from "../factories";
import { api } from "./api";
import { embeddedRuntimeEachTest } from "./background";

export function countsCacheSuite() {
  describe("cached counts change with what changes them", { timeout: 90_000 }, () => {
    beforeAll(async () => void (await getDb()), 120_000);
    const runtime = embeddedRuntimeEachTest();

    it("answers warm reads from the cache, and every change on the next read", async () => {
      const ws = await createWorkspaceWithOwner();
      const base = `/api/v1/workspaces/${ws.workspace.id}`;
      const reader = await memberOf(ws.workspace.id, "MEMBER");
      const writer = await memberOf(ws.workspace.id, "MEMBER");
      const actor = await actorOf(reader.user.id);
      const counts = () => workspaceCounts(actor, ws.workspace.id);
      const general = () => counts().then((c) => c.channels[ws.general.id] ?? { unread: 0, mentions: 0 });

      expect(await counts()).toEqual({ channels: {}, inbox: 0 });
      const warm = await countStatements(counts);
      expect(warm.statements).toBe(0);

      const post = async (title: string, body = "x") => {
        const res = await api("POST", `${base}/channels/${ws.general.id}/posts`, {
          cookie: writer.cookie,
          body: { title, body },
        });
        expect(res.status).toBe(201);
        // Its background work (which renews the counts too) runs now, so each check below sees one cause only.
        await runtime.drain();
        return res.json.data.id as string;
      };
      // With no background work running, the write itself renews the counts.
      runtime.pause();
      const first = await api("POST", `${base}/channels/${ws.general.id}/posts`, {
        cookie: writer.cookie,
        body: { title: "One", body: "x" },
      }).then((res) => res.json.data.id as string);
      expect(await general()).toEqual({ unread: 1, mentions: 0 });
      runtime.resume();
      await runtime.drain();
      await post("Two", `hi @${reader.user.handle}`);
      expect(await general()).toEqual({ unread: 2, mentions: 1 });

      // Reading the channel clears it for the reader only.
      expect((await api("POST", `${base}/channels/${ws.general.id}/read`, { cookie: reader.cookie })).status).toBe(200);
      expect(await general()).toEqual({ unread: 0, mentions: 0 });
      const third = await post("Three");
      expect(await general()).toEqual({ unread: 1, mentions: 0 });
      expect((await api("DELETE", `${base}/posts/${third}`, { cookie: writer.cookie })).status).toBe(204);
      expect(await general()).toEqual({ unread: 0, mentions: 0 });
      expect((await api("POST", `${base}/posts/${third}/restore`, { cookie: ws.cookie })).status).toBe(200);
      expect(await general()).toEqual({ unread: 1, mentions: 0 });
      expect((await api("POST", `${base}/read`, { cookie: reader.cookie })).status).toBe(200);
      expect(await general()).toEqual({ unread: 0, mentions: 0 });

      // The Inbox: the reader follows a post; a comment's activity is recorded in the background, then counted.
      expect(
        (await api("PUT", `${base}/posts/${first}/follow`, { cookie: reader.cookie, body: { following: true } }))
          .status,
      ).toBe(200);
      expect((await counts()).inbox).toBe(1); // "Two" mentioned the reader
      await api("POST", `${base}/posts/${first}/comments`, { cookie: writer.cookie, body: { body: "news" } });
      await runtime.drain();
      expect((await counts()).inbox).toBe(2);
      expect((await api("POST", `${base}/inbox/${first}/done`, { cookie: reader.cookie })).status).toBe(200);
      expect((await counts()).inbox).toBe(1);

      // A channel joined: counted from then on.
      const made = await api("POST", `${base}/channels`, {
        cookie: writer.cookie,
        body: { name: `more-${Date.now()}` },
      });
      const other = made.json.data.id as string;
      await api("POST", `${base}/channels/${other}/posts`, {
        cookie: writer.cookie,
        body: { title: "Elsewhere", body: "x" },
      });
      expect((await counts()).channels[other]).toBeUndefined(); // not following it
      await api("POST", `${base}/channels/${other}/members`, {
        cookie: reader.cookie,
        body: { userId: reader.user.id },
      });
      expect((await counts()).channels[other]).toEqual({ unread: 1, mentions: 0 });

      // And warm again once nothing changes.
      expect((await countStatements(counts)).statements).toBe(0);
    });

    it("answers the background's questions from the cache (webhooks wanted, followers at ALL), changed on the next post", async () => {
      const ws = await createWorkspaceWithOwner();
      const base = `/api/v1/workspaces/${ws.workspace.id}`;
      const follower = await memberOf(ws.workspace.id, "MEMBER");
      const made = await api("POST", `${base}/channels/${ws.general.id}/posts`, {
        cookie: ws.cookie,
        body: { title: "A post", body: "x" },
      });
      const postId = made.json.data.id as string;
      await runtime.drain(); // its own background work asked both questions: warm now
      const wanted = () => workspaceSubscribesTo("post/created", ws.workspace.id);
      const followers = () => notifyFollowers(ws.general.id, postId);
      expect(await countStatements(wanted)).toEqual({ result: false, statements: 0 });
      expect(await countStatements(followers)).toEqual({ result: [], statements: 0 });

      // An endpoint registered for post.created: wanted from the next event on; turned off, no longer.
      const hook = await api("POST", `${base}/webhooks`, {
        cookie: ws.cookie,
        body: { url: "https://hooks.example.com/x", events: ["post.created"] },
      });
      expect(hook.status).toBe(201);
      expect(await wanted()).toBe(true);
      expect(await workspaceSubscribesTo("comment/created", ws.workspace.id)).toBe(false);
      const hookPath = `${base}/webhooks/${hook.json.data.id}`;
      expect((await api("PATCH", hookPath, { cookie: ws.cookie, body: { enabled: false } })).status).toBe(200);
      expect(await wanted()).toBe(false);
      expect((await api("PATCH", hookPath, { cookie: ws.cookie, body: { enabled: true } })).status).toBe(200);
      expect(await wanted()).toBe(true);
      expect((await api("DELETE", hookPath, { cookie: ws.cookie })).status).toBe(200);
      expect(await wanted()).toBe(false);

      // A member who chooses "Everything" is notified of the next post; back to mentions, not.
      const level = (notifyLevel: string) =>
        api("PUT", `${base}/channels/${ws.general.id}/membership`, { cookie: follower.cookie, body: { notifyLevel } });
      expect((await level("ALL")).status).toBe(200);
      expect(await followers()).toEqual([follower.user.id]);
      expect((await level("MENTIONS")).status).toBe(200);
      expect(await countStatements(followers)).toEqual({ result: [], statements: 1 }); // renewed, then warm again
      expect((await countStatements(followers)).statements).toBe(0);
    });

    it("answers the bell's unread count from the cache, changed by a mention, a followed channel's post and reading", async () => {
      const ws = await createWorkspaceWithOwner();
      const base = `/api/v1/workspaces/${ws.workspace.id}`;
      const reader = await memberOf(ws.workspace.id, "MEMBER");
      const actor = await actorOf(reader.user.id);
      const bell = () => unreadNotificationCount(actor);
      expect(await bell()).toBe(0);
      expect(await countStatements(bell)).toEqual({ result: 0, statements: 0 });
      const post = (body: string) =>
        api("POST", `${base}/channels/${ws.general.id}/posts`, { cookie: ws.cookie, body: { title: "t", body } });
      const made = await post(`hi @${reader.user.handle}`);
      expect(await bell()).toBe(1); // the mention, stored with the post
      await api("POST", `${base}/posts/${made.json.data.id}/comments`, {
        cookie: ws.cookie,
        body: { body: `and @${reader.user.handle} again` },
      });
      expect(await bell()).toBe(2);
      await api("PUT", `${base}/channels/${ws.general.id}/membership`, {
        cookie: reader.cookie,
        body: { notifyLevel: "ALL" },
      });
      await post("for everyone at ALL");
      await runtime.drain(); // notify-followers
      expect(await bell()).toBe(3);
      expect((await api("POST", "/api/v1/me/notifications/read-all", { cookie: reader.cookie })).status).toBe(200);
      expect(await countStatements(bell)).toEqual({ result: 0, statements: 1 }); // renewed, then warm again
      expect((await countStatements(bell)).statements).toBe(0);
    });
  });
}
