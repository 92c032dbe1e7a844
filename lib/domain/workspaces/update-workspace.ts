import type { Actor } from "../actor";
import { setWorkspaceMfaRequirement } from "../mfa/workspace-requirement";
import { requireSessionActor } from "../mfa/session-actor";
import { getWorkspaceOrThrow } from "./get-workspace";

/** The workspace's settings; today the one setting is the MFA requirement. Sessions only: a token cannot weaken it. */
export async function updateWorkspace(actor: Actor, workspaceId: string, input: { requireMfa: boolean }) {
  requireSessionActor(actor);
  await setWorkspaceMfaRequirement(actor, workspaceId, input.requireMfa);
  return getWorkspaceOrThrow(actor, workspaceId);
}
