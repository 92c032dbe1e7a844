"use server";
import { redirect } from "next/navigation";
import { acceptInvite } from "@/lib/domain/invites/accept-invite";
import { action } from "@/lib/http/action";
import { acceptInviteForm } from "@/lib/validation/invites";

/** Accepting (or accepting again) lands in the workspace. */
export const acceptInviteAction = action(acceptInviteForm, async ({ actor, data }) => {
  const accepted = await acceptInvite(actor, data.token);
  redirect(`/w/${accepted.workspaceId}`);
});
