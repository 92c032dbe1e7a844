import { getDb } from "@/lib/data/db/client";
import { findWorkspace } from "@/lib/data/workspaces";
import { notFound } from "@/lib/errors";
import { roleIn, type Actor } from "../actor";

/** 404 rather than 403 for outsiders: a workspace's existence is not theirs to learn. */
export async function getWorkspaceOrThrow(actor: Actor, workspaceId: string) {
  const role = roleIn(actor, workspaceId);
  if (!role) throw notFound("Workspace");
  const workspace = await findWorkspace(await getDb(), workspaceId);
  if (!workspace) throw notFound("Workspace");
  return { ...workspace, role };
}
