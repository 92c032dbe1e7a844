// Reads shared by a layout and the page inside it, deduplicated per request.
import "server-only";
import { cache } from "react";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { getMe } from "@/lib/domain/users/get-me";
import { getWorkspaceOrThrow } from "@/lib/domain/workspaces/get-workspace";
import { listMyWorkspaces } from "@/lib/domain/workspaces/list-workspaces";
import { orNotFound, requireActor } from "./session";

export const loadWorkspace = cache(async (workspaceId: string) => {
  const actor = await requireActor(`/w/${workspaceId}`);
  const workspace = await orNotFound(getWorkspaceOrThrow(actor, workspaceId));
  return { actor, workspace };
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
