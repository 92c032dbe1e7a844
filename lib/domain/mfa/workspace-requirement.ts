// Owners require two-step sign-in for everyone in a workspace; members without it are refused (MFA_REQUIRED) until
// they turn it on. Every member's claims are reloaded on their next request.
import { getDb } from "@/lib/data/db/client";
import {
  bumpWorkspaceMembersClaims,
  listWorkspaceMemberIds,
  findTotpFactor,
  setWorkspaceRequireMfa,
} from "@/lib/data/mfa";
import { AppError, forbidden } from "@/lib/errors";
import type { Actor } from "../actor";
import { requireWorkspaceMember } from "../policy";
import { transaction } from "@/lib/data/db/transaction";
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { findWorkspace } from "@/lib/data/workspaces";
import { recordAudit } from "../audit/record-audit";

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
  const { result, memberIds } = await transaction(db, async (tx) => {
    const before = await findWorkspace(tx, workspaceId);
    const row = await setWorkspaceRequireMfa(tx, workspaceId, requireMfa);
    await bumpWorkspaceMembersClaims(tx, workspaceId);
    if (before && before.requireMfa !== row.requireMfa) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "workspace.mfa_policy_changed",
        target: { type: "workspace", id: workspaceId },
        before: { requireMfa: before.requireMfa },
        after: { requireMfa: row.requireMfa },
      });
    }
    return {
      result: { workspaceId, requireMfa: row.requireMfa },
      memberIds: await listWorkspaceMemberIds(tx, workspaceId),
    };
  });
  await forgetActorsOf(memberIds); // committed: every member's cached claims and token grants reload
  return result;
}
