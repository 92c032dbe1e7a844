import { getDb } from "@/lib/data/db/client";
import { listWorkspacesOfUser } from "@/lib/data/workspaces";
import type { Actor } from "../actor";

/** The actor's workspaces; a token sees only its own. */
export async function listMyWorkspaces(actor: Actor) {
  const rows = await listWorkspacesOfUser(await getDb(), actor.userId);
  return rows.filter((r) => Object.hasOwn(actor.roles, r.workspace.id)).map((r) => ({ ...r.workspace, role: r.role }));
}
