// The Inbox page's "Done", the post page's Follow / Unfollow and the sidebar's "Mark all read", through the actions
// those pages use, with the background work run for real from the outbox.
import { describe, expect, it, vi } from "vitest";
import { followAction, markAllReadAction, markInboxDoneAction } from "@/app/w/[workspaceId]/inbox/actions";
import { createCommentAction, createPostAction } from "@/app/w/[workspaceId]/p/actions";
import { countUnread } from "@/lib/domain/digest/catch-up";
import { countInboxItems, listInboxPage } from "@/lib/domain/inbox/inbox";
import { createWorkspaceWithOwner, memberOf } from "../../factories";
import { embeddedRuntimeEachTest } from "../../support/background";
import { useSessionCookie } from "../../support/cookies";
import { actorOf, expectFailure, expectOk, form } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const runtime = embeddedRuntimeEachTest();

describe("inbox actions", () => {
  it("follows a post, gets its new comment in the Inbox, marks it done, and marks every channel read", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    const writer = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(writer.cookie);
    const { id: postId } = expectOk(
      await createPostAction(
        null,
        form({ workspaceId: workspace.id, channelId: general.id, title: "Plan", body: "x" }),
      ),
    );
    await runtime.drain();

    useSessionCookie(cookie);
    const owner$ = await actorOf(owner.id);
    expect((await countUnread(owner$, [general.id])).get(general.id)).toEqual({ unread: 1, mentions: 0 });
    expect(expectOk(await followAction(null, form({ workspaceId: workspace.id, postId, following: "true" })))).toEqual({
      following: true,
    });
    expectFailure(
      await followAction(null, form({ workspaceId: workspace.id, postId, following: "maybe" })),
      "VALIDATION_FAILED",
    );

    useSessionCookie(writer.cookie);
    expectOk(await createCommentAction(null, form({ workspaceId: workspace.id, postId, body: "An update" })));
    await runtime.drain();

    useSessionCookie(cookie);
    expect(await countInboxItems(owner$, workspace.id)).toBe(1);
    expect((await listInboxPage(owner$, workspace.id, { limit: 10 })).items[0]?.newComments).toBe(1);
    expect(expectOk(await markInboxDoneAction(null, form({ workspaceId: workspace.id, postId })))).toEqual({
      done: true,
    });
    expect(await countInboxItems(owner$, workspace.id)).toBe(0);
    expectFailure(
      await markInboxDoneAction(null, form({ workspaceId: workspace.id, postId: "nope!" })),
      "VALIDATION_FAILED",
    );

    expect(expectOk(await markAllReadAction(null, form({ workspaceId: workspace.id })))).toEqual({ channels: 1 });
    expect((await countUnread(owner$, [general.id])).get(general.id)).toBeUndefined();

    // Someone from another workspace can do none of it.
    const stranger = await createWorkspaceWithOwner();
    useSessionCookie(stranger.cookie);
    expectFailure(await markAllReadAction(null, form({ workspaceId: workspace.id })), "NOT_FOUND");
    expectFailure(await markInboxDoneAction(null, form({ workspaceId: workspace.id, postId })), "NOT_FOUND");
    expectFailure(
      await followAction(null, form({ workspaceId: workspace.id, postId, following: "true" })),
      "NOT_FOUND",
    );
  });
});
