import { forgetActorsOf } from "@/lib/data/cache/actors";
import { revokeUserApiTokens } from "@/lib/data/api-tokens";
import { getDb } from "@/lib/data/db/client";
import { bumpClaimsVersion } from "@/lib/data/users";
import { countOwners, deleteMembership, findMembership, lockWorkspace } from "@/lib/data/workspaces";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { assertCanRemoveMember, requireWorkspaceMember } from "../policy";
import { transaction } from "@/lib/data/db/transaction";
import { recordEvent } from "@/lib/outbox/record";
import { recordAudit } from "../audit/record-audit";

/** Removes (or, for oneself, leaves); the removed person's sessions stop working at once and their tokens are revoked. */
export async function removeMember(actor: Actor, workspaceId: string, userId: string) {
  requireWorkspaceMember(actor, workspaceId);
  const db = await getDb();
  await transaction(db, async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const target = await findMembership(tx, workspaceId, userId);
    if (!target) throw notFound("Member");
    assertCanRemoveMember(actor, workspaceId, { userId, role: target.role });
    if (target.role === "OWNER" && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError("CONFLICT", "A workspace needs at least one owner; make someone else owner first");
    }
    await deleteMembership(tx, workspaceId, userId);
    // Revoked, not just dormant: if they are invited back, their old tokens must not come back to life.
    await revokeUserApiTokens(tx, workspaceId, userId, new Date());
    await bumpClaimsVersion(tx, [userId]);
    await recordEvent(tx, "member/left", {
      workspaceId,
      userId,
      reason: userId === actor.userId ? "left" : "removed",
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: userId === actor.userId ? "member.left" : "member.removed",
      target: { type: "member", id: userId },
      before: { name: target.user.name, handle: target.user.handle, role: target.role },
      after: null,
    });
  });
  await forgetActorsOf([userId]); // committed: their cached sessions and tokens stop matching everywhere
}
