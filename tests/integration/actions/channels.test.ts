import { describe, expect, it, vi } from "vitest";
import {
  archiveChannelAction,
  createChannelAction,
  editChannelAction,
  joinChannelAction,
  leaveChannelAction,
} from "@/app/w/[workspaceId]/channels/actions";
import { createPostAction } from "@/app/w/[workspaceId]/p/actions";
import { getChannelOrThrow } from "@/lib/domain/channels/get-channel";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { createWorkspaceWithOwner, memberOf } from "../../factories";
import { useSessionCookie } from "../../support/cookies";
import { actorOf, expectFailure, expectOk, form, redirectOf } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe("channel actions", () => {
  it("creates channels by kind as the role allows", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const to = await redirectOf(
      createChannelAction(
        null,
        form({ workspaceId: workspace.id, name: "Design", description: "Pixels", kind: "PRIVATE" }),
      ),
    );
    const channels = await listChannels(await actorOf(owner.id), workspace.id);
    const design = channels.find((c) => c.name === "design");
    expect(design).toMatchObject({ kind: "PRIVATE", description: "Pixels", isMember: true });
    expect(to).toBe(`/w/${workspace.id}/c/${design?.id}`);

    const member = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(member.cookie);
    expectFailure(
      await createChannelAction(null, form({ workspaceId: workspace.id, name: "news", kind: "ANNOUNCEMENT" })),
      "FORBIDDEN",
    );
    await redirectOf(createChannelAction(null, form({ workspaceId: workspace.id, name: "lunch" }))); // kind defaults to public
    const guest = await memberOf(workspace.id, "GUEST");
    useSessionCookie(guest.cookie);
    expectFailure(await createChannelAction(null, form({ workspaceId: workspace.id, name: "guests" })), "FORBIDDEN");
    expect((await listChannels(await actorOf(owner.id), workspace.id)).map((c) => c.name).sort()).toEqual([
      "design",
      "general",
      "lunch",
    ]);
  });

  it("reports a bad or taken name on the name field", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const bad = expectFailure(
      await createChannelAction(null, form({ workspaceId: workspace.id, name: "no spaces!" })),
      "VALIDATION_FAILED",
    );
    expect(bad.fields?.name).toMatch(/letters, digits/);
    const taken = expectFailure(
      await createChannelAction(null, form({ workspaceId: workspace.id, name: "general" })),
      "CONFLICT",
    );
    expect(taken.fields?.name).toBe("already taken");
    const kind = expectFailure(
      await createChannelAction(null, form({ workspaceId: workspace.id, name: "ok", kind: "SECRET" })),
      "VALIDATION_FAILED",
    );
    expect(kind.fields?.kind).toBeDefined();
    expect(await listChannels(await actorOf(owner.id), workspace.id)).toHaveLength(1);
  });

  it("renames, archives (no more posts) and unarchives, for admins only", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    const ids = { workspaceId: workspace.id, channelId: general.id };
    const member = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(member.cookie);
    expectFailure(await editChannelAction(null, form({ ...ids, name: "mine" })), "FORBIDDEN");
    expectFailure(await archiveChannelAction(null, form({ ...ids, archived: "true" })), "FORBIDDEN");

    useSessionCookie(cookie);
    expect(expectOk(await editChannelAction(null, form({ ...ids, name: "Everyone", description: "" })))).toEqual({
      name: "everyone",
    });
    expect(expectOk(await archiveChannelAction(null, form({ ...ids, archived: "true" })))).toEqual({ archived: true });
    const actor = await actorOf(owner.id);
    expect((await getChannelOrThrow(actor, workspace.id, general.id)).archivedAt).not.toBeNull();
    expectFailure(await createPostAction(null, form({ ...ids, title: "t", body: "b" })), "FORBIDDEN");
    expectFailure(await archiveChannelAction(null, form({ ...ids, archived: "maybe" })), "VALIDATION_FAILED");
    expect(expectOk(await archiveChannelAction(null, form({ ...ids, archived: "false" })))).toEqual({
      archived: false,
    });
    expect(await getChannelOrThrow(actor, workspace.id, general.id)).toMatchObject({
      name: "everyone",
      description: "",
      archivedAt: null,
    });
  });

  it("joins and leaves a public channel", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const to = await redirectOf(createChannelAction(null, form({ workspaceId: workspace.id, name: "random" })));
    const channelId = to.split("/").pop() ?? "";
    const member = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(member.cookie);
    const ids = form({ workspaceId: workspace.id, channelId });
    expect(expectOk(await joinChannelAction(null, ids))).toEqual({ joined: true });
    expect((await getChannelOrThrow(await actorOf(member.user.id), workspace.id, channelId)).isMember).toBe(true);
    expect(expectOk(await leaveChannelAction(null, ids))).toEqual({ joined: false });
    expect((await getChannelOrThrow(await actorOf(member.user.id), workspace.id, channelId)).isMember).toBe(false);
  });
});
