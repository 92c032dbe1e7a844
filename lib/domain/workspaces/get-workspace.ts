import { getDb } from "@/lib/data/db/client";
import { findWorkspace } from "@/lib/data/workspaces";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { requireWorkspaceMember } from "../policy";

/** 404 rather than 403 for outsiders: a workspace's existence is not theirs to learn. */
export async function getWorkspaceOrThrow(actor: Actor, workspaceId: string) {
  const role = requireWorkspaceMember(actor, workspaceId);
  const workspace = await findWorkspace(await getDb(), workspaceId);
  if (!workspace) throw notFound("Workspace");
  return { ...workspace, role };
}
