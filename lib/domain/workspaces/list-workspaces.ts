import { getDb } from "@/lib/data/db/client";
import { listWorkspacesOfUser } from "@/lib/data/workspaces";
import type { Actor } from "../actor";

/** The actor's workspaces; a token sees only its own. Those waiting for MFA setup are listed (opening them asks for it). */
export async function listMyWorkspaces(actor: Actor) {
  const rows = await listWorkspacesOfUser(await getDb(), actor.userId);
  const mine = (id: string) => Object.hasOwn(actor.roles, id) || (actor.mfaSetupIn?.includes(id) ?? false);
  return rows.filter((r) => mine(r.workspace.id)).map((r) => ({ ...r.workspace, role: r.role }));
}
