import { describe, expect, it, vi } from "vitest";
import { changeRoleAction, removeMemberAction } from "@/app/w/[workspaceId]/members/actions";
import { roleIn } from "@/lib/domain/actor";
import { listMembers } from "@/lib/domain/members/list-members";
import { createWorkspaceWithOwner, memberOf } from "../../factories";
import { useSessionCookie } from "../../support/cookies";
import { actorOf, expectFailure, expectOk, form, redirectOf } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe("member actions", () => {
  it("admins change roles; members cannot; only owners make owners", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const member = await memberOf(workspace.id, "MEMBER");
    const ref = (userId: string, role: string) => form({ workspaceId: workspace.id, userId, role });

    useSessionCookie(member.cookie);
    expectFailure(await changeRoleAction(null, ref(admin.user.id, "GUEST")), "FORBIDDEN");
    useSessionCookie(admin.cookie);
    expectFailure(await changeRoleAction(null, ref(member.user.id, "OWNER")), "FORBIDDEN");
    expect(expectOk(await changeRoleAction(null, ref(member.user.id, "GUEST")))).toMatchObject({ role: "GUEST" });
    expect(roleIn(await actorOf(member.user.id), workspace.id)).toBe("GUEST");
    useSessionCookie(cookie);
    expectOk(await changeRoleAction(null, ref(admin.user.id, "OWNER")));
    expect(roleIn(await actorOf(admin.user.id), workspace.id)).toBe("OWNER");
    expectFailure(await changeRoleAction(null, ref(owner.id, "MEMBER")), "FORBIDDEN"); // not one's own
  });

  it("rejects an unknown role and an unknown member without changing anything", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(cookie);
    const bad = expectFailure(
      await changeRoleAction(null, form({ workspaceId: workspace.id, userId: member.user.id, role: "KING" })),
      "VALIDATION_FAILED",
    );
    expect(bad.fields?.role).toBeDefined();
    expectFailure(
      await changeRoleAction(null, form({ workspaceId: workspace.id, userId: "nobody", role: "ADMIN" })),
      "NOT_FOUND",
    );
    const roles = (await listMembers(await actorOf(owner.id), workspace.id)).map((m) => m.role).sort();
    expect(roles).toEqual(["MEMBER", "OWNER"]);
  });

  it("removes a member (admin), and leaving oneself goes back to the workspace list", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const a = await memberOf(workspace.id, "MEMBER");
    const b = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(a.cookie);
    expectFailure(await removeMemberAction(null, form({ workspaceId: workspace.id, userId: b.user.id })), "FORBIDDEN");
    useSessionCookie(cookie);
    expectOk(await removeMemberAction(null, form({ workspaceId: workspace.id, userId: b.user.id })));
    expect(roleIn(await actorOf(b.user.id), workspace.id)).toBeUndefined();
    useSessionCookie(a.cookie);
    expect(await redirectOf(removeMemberAction(null, form({ workspaceId: workspace.id, userId: a.user.id })))).toBe(
      "/w",
    );
    expect((await listMembers(await actorOf(owner.id), workspace.id)).map((m) => m.userId)).toEqual([owner.id]);
    // The last owner cannot leave.
    useSessionCookie(cookie);
    expectFailure(await removeMemberAction(null, form({ workspaceId: workspace.id, userId: owner.id })), "CONFLICT");
  });
});
