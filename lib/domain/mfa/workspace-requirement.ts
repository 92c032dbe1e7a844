// Owners require two-step sign-in for everyone in a workspace; members without it are refused (MFA_REQUIRED) until
// they turn it on. Every member's claims are reloaded on their next request.
import { getDb } from "@/lib/data/db/client";
import { bumpWorkspaceMembersClaims, findTotpFactor, setWorkspaceRequireMfa } from "@/lib/data/mfa";
import { AppError, forbidden } from "@/lib/errors";
import type { Actor } from "../actor";
import { requireWorkspaceMember } from "../policy";

/**
 * Turn the requirement on or off: owners only. Turning it on takes MFA on the owner's own account first, so the
 * owner is never the one locked out by it.
 */
export async function setWorkspaceMfaRequirement(actor: Actor, workspaceId: string, requireMfa: boolean) {
  if (requireWorkspaceMember(actor, workspaceId) !== "OWNER")
    throw forbidden("Only owners can change the workspace's sign-in requirements");
  const db = await getDb();
  if (requireMfa && !(await findTotpFactor(db, actor.userId))?.confirmedAt)
    throw new AppError("CONFLICT", "Turn on two-step sign-in for your own account first");
  return db.$transaction(async (tx) => {
    const row = await setWorkspaceRequireMfa(tx, workspaceId, requireMfa);
    await bumpWorkspaceMembersClaims(tx, workspaceId);
    return { workspaceId, requireMfa: row.requireMfa };
  });
}
