"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { createInvite } from "@/lib/domain/invites/create-invite";
import { resendInvite, revokeInvite } from "@/lib/domain/invites/manage-invites";
import { changeMemberRole } from "@/lib/domain/members/change-role";
import { removeMember } from "@/lib/domain/members/remove-member";
import { action } from "@/lib/http/action";
import { createInviteForm, inviteRefForm } from "@/lib/validation/invites";
import { changeRoleForm, memberRefForm } from "@/lib/validation/members";

export const changeRoleAction = action(changeRoleForm, async ({ actor, data: { workspaceId, userId, role } }) => {
  const member = await changeMemberRole(actor, workspaceId, userId, role);
  revalidatePath(`/w/${workspaceId}/members`);
  return { name: member.name, role: member.role };
});

/** Removing someone else stays on the page; removing oneself is leaving, and the workspace is gone from view. */
export const removeMemberAction = action(memberRefForm, async ({ actor, data: { workspaceId, userId } }) => {
  await removeMember(actor, workspaceId, userId);
  if (userId === actor.userId) redirect("/w");
  revalidatePath(`/w/${workspaceId}/members`);
  return { removed: userId };
});

export const createInviteAction = action(createInviteForm, async ({ actor, data: { workspaceId, ...input } }) => {
  const invite = await createInvite(actor, workspaceId, input);
  revalidatePath(`/w/${workspaceId}/members`);
  return { email: invite.email, role: invite.role };
});

export const revokeInviteAction = action(inviteRefForm, async ({ actor, data: { workspaceId, inviteId } }) => {
  const invite = await revokeInvite(actor, workspaceId, inviteId);
  revalidatePath(`/w/${workspaceId}/members`);
  return { status: invite.status };
});

export const resendInviteAction = action(inviteRefForm, async ({ actor, data: { workspaceId, inviteId } }) => {
  const invite = await resendInvite(actor, workspaceId, inviteId);
  revalidatePath(`/w/${workspaceId}/members`);
  return { expiresAt: invite.expiresAt };
});
