// Reads shared by a layout and the page inside it, deduplicated per request.
import "server-only";
import { cache } from "react";
import { getCachedChannelOrThrow } from "@/lib/domain/channels/get-channel";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { getPostOrThrow } from "@/lib/domain/posts/get-post";
import { getMe } from "@/lib/domain/users/get-me";
import { getWorkspaceOrThrow } from "@/lib/domain/workspaces/get-workspace";
import { listMyWorkspaces } from "@/lib/domain/workspaces/list-workspaces";
import { notFound, redirect } from "next/navigation";
import { orNull, requireActor } from "./session";

/** The workspace, or null when it does not exist for this person (for generateMetadata). */
export const findWorkspace = cache(async (workspaceId: string) => {
  const actor = await requireActor(`/w/${workspaceId}`);
  // The workspace requires two-step sign-in and this person has not turned it on: set it up first.
  if (actor.mfaSetupIn?.includes(workspaceId))
    redirect(`/settings/security?required=${encodeURIComponent(workspaceId)}`);
  return { actor, workspace: await orNull(getWorkspaceOrThrow(actor, workspaceId)) };
});

export const loadWorkspace = cache(async (workspaceId: string) => {
  const { actor, workspace } = await findWorkspace(workspaceId);
  if (!workspace) notFound();
  return { actor, workspace };
});

/** A channel or a post, or null when it does not exist for this person: read once for generateMetadata and the page. */
export const findChannel = cache(async (workspaceId: string, channelId: string) => {
  const { actor, workspace } = await findWorkspace(workspaceId);
  return workspace && orNull(getCachedChannelOrThrow(actor, workspaceId, channelId));
});

export const findPost = cache(async (workspaceId: string, postId: string) => {
  const { actor, workspace } = await findWorkspace(workspaceId);
  return workspace && orNull(getPostOrThrow(actor, workspaceId, postId));
});

export const loadChannels = cache(async (workspaceId: string) => {
  const { actor } = await loadWorkspace(workspaceId);
  return listChannels(actor, workspaceId);
});

export const loadShell = cache(async () => {
  const actor = await requireActor();
  const [me, workspaces] = await Promise.all([getMe(actor), listMyWorkspaces(actor)]);
  return { me, workspaces };
});
