"use server";
import { redirect } from "next/navigation";
import { createWorkspace } from "@/lib/domain/workspaces/create-workspace";
import { action } from "@/lib/http/action";
import { createWorkspaceInput } from "@/lib/validation/workspaces";

/** The creator lands in the new workspace's #general. */
export const createWorkspaceAction = action(createWorkspaceInput, async ({ actor, data }) => {
  const workspace = await createWorkspace(actor, data);
  redirect(`/w/${workspace.id}`);
});
