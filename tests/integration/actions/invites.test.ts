// Invite actions as the members page and the /invite page call them: create, resend, revoke, accept.
import { describe, expect, it, vi } from "vitest";
import { acceptInviteAction } from "@/app/(auth)/invite/actions";
import { createInviteAction, resendInviteAction, revokeInviteAction } from "@/app/w/[workspaceId]/members/actions";
import { roleIn } from "@/lib/domain/actor";
import { getDb } from "@/lib/data/db/client";
import { issueOneTimeToken } from "@/lib/domain/one-time-tokens/tokens";
import { createUser, createWorkspaceWithOwner, memberOf } from "../../factories";
import { useSessionCookie } from "../../support/cookies";
import { actAs, actorOf, expectFailure, expectOk, form, redirectOf } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const invitesOf = async (workspaceId: string) =>
  (await getDb()).invite.findMany({
    where: { workspaceId },
    select: { id: true, email: true, role: true, expiresAt: true, revokedAt: true, acceptedAt: true },
  });

/** The link the invite email would carry (the email itself is the background function's business). */
const linkFor = async (invite: { id: string; email: string; expiresAt: Date }) =>
  issueOneTimeToken(await getDb(), {
    purpose: "INVITE",
    email: invite.email,
    inviteId: invite.id,
    expiresAt: invite.expiresAt,
  });

describe("invite actions", () => {
  it("admins invite with a role (event recorded); members cannot; owners only by owners; bad input writes nothing", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const member = await memberOf(workspace.id, "MEMBER");
    const ref = (email: string, role?: string) => form({ workspaceId: workspace.id, email, ...(role ? { role } : {}) });

    useSessionCookie(member.cookie);
    expectFailure(await createInviteAction(null, ref("a@example.test")), "FORBIDDEN");
    useSessionCookie(admin.cookie);
    expectFailure(await createInviteAction(null, ref("boss@example.test", "OWNER")), "FORBIDDEN");
    const bad = expectFailure(await createInviteAction(null, ref("not an email", "KING")), "VALIDATION_FAILED");
    expect(bad.fields).toMatchObject({ email: "must be an email address" });
    expect(bad.fields?.role).toBeDefined();
    expect(await invitesOf(workspace.id)).toEqual([]);

    expect(expectOk(await createInviteAction(null, ref(" New.Person@Example.test ")))).toEqual({
      email: "new.person@example.test",
      role: "MEMBER",
    });
    const [invite] = await invitesOf(workspace.id);
    expect(invite).toMatchObject({ email: "new.person@example.test", role: "MEMBER" });
    const events = await (
      await getDb()
    ).outboxEvent.findMany({ where: { name: "invite/created" }, select: { data: true } });
    expect(events.filter((e) => (e.data as { inviteId?: string }).inviteId === invite?.id)).toHaveLength(1);
    // The same address again: resend instead; an existing member: conflict.
    expectFailure(await createInviteAction(null, ref("new.person@example.test")), "CONFLICT");
    expectFailure(await createInviteAction(null, ref(member.user.email)), "CONFLICT");
    useSessionCookie(cookie);
    expectOk(await createInviteAction(null, ref("co-owner@example.test", "OWNER")));
    expect((await invitesOf(workspace.id)).map((i) => i.role).sort()).toEqual(["MEMBER", "OWNER"]);
  });

  it("resend extends the invite; revoke stops it and its link; a foreign invite id is not found", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const other = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    expectOk(await createInviteAction(null, form({ workspaceId: workspace.id, email: "x@example.test" })));
    const [invite] = await invitesOf(workspace.id);
    if (!invite) throw new Error("no invite");
    const link = await linkFor(invite);
    await (
      await getDb()
    ).invite.update({ where: { id: invite.id }, data: { expiresAt: new Date(Date.now() + 60_000) } });

    const resent = expectOk(await resendInviteAction(null, form({ workspaceId: workspace.id, inviteId: invite.id })));
    expect(resent.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);

    useSessionCookie(other.cookie);
    expectFailure(
      await revokeInviteAction(null, form({ workspaceId: other.workspace.id, inviteId: invite.id })),
      "NOT_FOUND",
    );
    expectFailure(
      await revokeInviteAction(null, form({ workspaceId: workspace.id, inviteId: invite.id })),
      "NOT_FOUND",
    );
    expect((await invitesOf(workspace.id))[0]?.revokedAt).toBeNull();

    useSessionCookie(cookie);
    expect(expectOk(await revokeInviteAction(null, form({ workspaceId: workspace.id, inviteId: invite.id })))).toEqual({
      status: "revoked",
    });
    expectFailure(await resendInviteAction(null, form({ workspaceId: workspace.id, inviteId: invite.id })), "CONFLICT");
    expectFailure(
      await revokeInviteAction(null, form({ workspaceId: workspace.id, inviteId: "bad id!" })),
      "VALIDATION_FAILED",
    );

    const invitee = await createUser({ email: "x@example.test" });
    await actAs(invitee.id);
    expectFailure(await acceptInviteAction(null, form({ token: link })), "GONE");
    expect(roleIn(await actorOf(invitee.id), workspace.id)).toBeUndefined();
  });

  it("accepting adds the membership once and goes to the workspace; another address or no session cannot", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    expectOk(
      await createInviteAction(null, form({ workspaceId: workspace.id, email: "joiner@example.test", role: "ADMIN" })),
    );
    const [invite] = await invitesOf(workspace.id);
    if (!invite) throw new Error("no invite");
    const token = await linkFor(invite);

    useSessionCookie(null);
    expectFailure(await acceptInviteAction(null, form({ token })), "UNAUTHENTICATED");
    const stranger = await createUser();
    await actAs(stranger.id);
    expectFailure(await acceptInviteAction(null, form({ token })), "FORBIDDEN");
    expect(roleIn(await actorOf(stranger.id), workspace.id)).toBeUndefined();

    const joiner = await createUser({ email: "joiner@example.test" });
    await actAs(joiner.id);
    expectFailure(await acceptInviteAction(null, form({ token: "" })), "VALIDATION_FAILED");
    expect(await redirectOf(acceptInviteAction(null, form({ token })))).toBe(`/w/${workspace.id}`);
    expect(roleIn(await actorOf(joiner.id), workspace.id)).toBe("ADMIN");
    // Again (second tab): same place, still one membership.
    expect(await redirectOf(acceptInviteAction(null, form({ token })))).toBe(`/w/${workspace.id}`);
    expect(await (await getDb()).membership.count({ where: { workspaceId: workspace.id, userId: joiner.id } })).toBe(1);
    expect((await invitesOf(workspace.id))[0]?.acceptedAt).not.toBeNull();
  });
});
