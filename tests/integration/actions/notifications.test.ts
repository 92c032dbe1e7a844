// Notifications (mark read), catch-up (mark caught up), the per-channel notification level, and people in
// private channels, through the actions their pages use.
import { describe, expect, it, vi } from "vitest";
import {
  addChannelMemberAction,
  removeChannelMemberAction,
  setNotifyLevelAction,
} from "@/app/w/[workspaceId]/channels/actions";
import { markCaughtUpAction, markNotificationsReadAction } from "@/app/w/[workspaceId]/notifications/actions";
import { createPostAction } from "@/app/w/[workspaceId]/p/actions";
import { getDb } from "@/lib/data/db/client";
import { listChannelMembers } from "@/lib/domain/channels/channel-people";
import { catchUp } from "@/lib/domain/digest/catch-up";
import { notificationFeed } from "@/lib/domain/notifications/notification-feed";
import { createWorkspaceWithOwner, memberOf } from "../../factories";
import { useSessionCookie } from "../../support/cookies";
import { actorOf, expectFailure, expectOk, form } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe("notification actions", () => {
  it("a mention shows in the feed; mark one read, then all; someone else's id marks nothing", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    const writer = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(writer.cookie);
    for (const title of ["One", "Two"]) {
      expectOk(
        await createPostAction(
          null,
          form({ workspaceId: workspace.id, channelId: general.id, title, body: `Hello @${owner.handle}` }),
        ),
      );
    }
    const feed = await notificationFeed(await actorOf(owner.id), { limit: 10 });
    expect(feed.unread).toBe(2);
    expect(feed.items.map((n) => [n.post?.title, n.actor?.name, n.read])).toEqual([
      ["Two", writer.user.name, false],
      ["One", writer.user.name, false],
    ]);
    const [newest] = feed.items;
    if (!newest) throw new Error("no notification");

    // The writer cannot mark the owner's notification.
    expect(
      expectOk(await markNotificationsReadAction(null, form({ workspaceId: workspace.id, notificationId: newest.id }))),
    ).toEqual({ marked: 0 });
    useSessionCookie(cookie);
    expectFailure(
      await markNotificationsReadAction(null, form({ workspaceId: workspace.id, notificationId: "not an id!" })),
      "VALIDATION_FAILED",
    );
    expect((await notificationFeed(await actorOf(owner.id), { limit: 10 })).unread).toBe(2);
    expect(
      expectOk(await markNotificationsReadAction(null, form({ workspaceId: workspace.id, notificationId: newest.id }))),
    ).toEqual({ marked: 1 });
    expect((await notificationFeed(await actorOf(owner.id), { limit: 10 })).unread).toBe(1);
    expect(expectOk(await markNotificationsReadAction(null, form({ workspaceId: workspace.id })))).toEqual({
      marked: 1,
    });
    expect((await notificationFeed(await actorOf(owner.id), { limit: 10 })).items.every((n) => n.read)).toBe(true);
  });

  it("catch-up lists others' new posts in followed channels; marking caught up empties it until the next post", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    const writer = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(writer.cookie);
    expectOk(
      await createPostAction(
        null,
        form({ workspaceId: workspace.id, channelId: general.id, title: "News", body: "Fresh" }),
      ),
    );
    const before = await catchUp(await actorOf(owner.id), workspace.id);
    expect(
      before.channels.filter((c) => c.workspaceId === workspace.id).flatMap((c) => c.posts.map((p) => p.title)),
    ).toEqual(["News"]);

    useSessionCookie(cookie);
    const bad = expectFailure(
      await markCaughtUpAction(null, form({ workspaceId: workspace.id, channelIds: "" })),
      "VALIDATION_FAILED",
    );
    expect(bad.fields?.channelIds).toBeDefined();
    expect(
      (await catchUp(await actorOf(owner.id), workspace.id)).channels.some((c) => c.workspaceId === workspace.id),
    ).toBe(true);
    expect(
      expectOk(await markCaughtUpAction(null, form({ workspaceId: workspace.id, channelIds: general.id }))),
    ).toEqual({ channels: 1 });
    expect(
      (await catchUp(await actorOf(owner.id), workspace.id)).channels.some((c) => c.workspaceId === workspace.id),
    ).toBe(false);

    await new Promise((r) => setTimeout(r, 5));
    useSessionCookie(writer.cookie);
    expectOk(
      await createPostAction(
        null,
        form({ workspaceId: workspace.id, channelId: general.id, title: "Later", body: "More" }),
      ),
    );
    expect(
      (await catchUp(await actorOf(owner.id), workspace.id)).channels
        .find((c) => c.channelId === general.id)
        ?.posts.map((p) => p.title),
    ).toEqual(["Later"]);
  });

  it("sets one's own notification level in a followed channel; unknown levels are refused", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const level = async () =>
      (
        await (
          await getDb()
        ).channelMember.findUnique({
          where: { channelId_userId: { channelId: general.id, userId: owner.id } },
          select: { notifyLevel: true },
        })
      )?.notifyLevel;
    expect(
      expectOk(
        await setNotifyLevelAction(null, form({ workspaceId: workspace.id, channelId: general.id, level: "ALL" })),
      ),
    ).toMatchObject({ level: "ALL" });
    expect(await level()).toBe("ALL");
    const bad = expectFailure(
      await setNotifyLevelAction(null, form({ workspaceId: workspace.id, channelId: general.id, level: "LOUD" })),
      "VALIDATION_FAILED",
    );
    expect(bad.fields?.level).toBeDefined();
    expect(await level()).toBe("ALL");
    expectOk(
      await setNotifyLevelAction(null, form({ workspaceId: workspace.id, channelId: general.id, level: "NOTHING" })),
    );
    expect(await level()).toBe("NOTHING");
  });
});

describe("private channel people", () => {
  it("admins add and remove people; plain members of other channels cannot; non-members of the workspace are not found", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const outsider = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const channel = await (
      await getDb()
    ).channel.create({
      data: { workspaceId: workspace.id, name: "secret", description: "", kind: "PRIVATE", createdById: owner.id },
    });
    await (await getDb()).channelMember.create({ data: { channelId: channel.id, userId: owner.id } });
    const ref = (userId: string) => form({ workspaceId: workspace.id, channelId: channel.id, userId });
    const people = async () =>
      (await listChannelMembers(await actorOf(owner.id), workspace.id, channel.id)).map((u) => u.id).sort();

    useSessionCookie(member.cookie);
    expectFailure(await addChannelMemberAction(null, ref(member.user.id)), "NOT_FOUND"); // cannot even see it
    useSessionCookie(cookie);
    expectFailure(await addChannelMemberAction(null, ref(outsider.owner.id)), "NOT_FOUND");
    expectFailure(await addChannelMemberAction(null, ref("")), "VALIDATION_FAILED");
    expect(await people()).toEqual([owner.id]);

    expectOk(await addChannelMemberAction(null, ref(member.user.id)));
    expect(await people()).toEqual([owner.id, member.user.id].sort());
    expectOk(await removeChannelMemberAction(null, ref(member.user.id)));
    expect(await people()).toEqual([owner.id]);
    expectFailure(await removeChannelMemberAction(null, ref(member.user.id)), "NOT_FOUND");
  });
});
