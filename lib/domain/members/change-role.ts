import { channelsScope, forgetComputed } from "@/lib/data/cache/computed";
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb } from "@/lib/data/db/client";
import { deleteChannelMemberships, listChannelMembershipsInWorkspace } from "@/lib/data/channels";
import { bumpClaimsVersion } from "@/lib/data/users";
import { countOwners, findMembership, lockWorkspace, updateMembershipRole } from "@/lib/data/workspaces";
import { AppError, notFound } from "@/lib/errors";
import type { Actor, Role } from "../actor";
import { assertCanChangeRole, guestMayHoldChannelMembership, requireWorkspaceMember } from "../policy";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "../audit/record-audit";

/**
 * The target's sessions lose the old role on their very next request (claims version bump). A demotion to guest
 * also drops, in the same transaction, the channel memberships a guest may not hold (the ones they joined themselves).
 */
export async function changeMemberRole(actor: Actor, workspaceId: string, userId: string, role: Role) {
  requireWorkspaceMember(actor, workspaceId);
  const db = await getDb();
  const changed = await transaction(db, async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const target = await findMembership(tx, workspaceId, userId);
    if (!target) throw notFound("Member");
    assertCanChangeRole(actor, workspaceId, { userId, role: target.role }, role);
    if (target.role === "OWNER" && role !== "OWNER" && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError("CONFLICT", "A workspace needs at least one owner");
    }
    await updateMembershipRole(tx, workspaceId, userId, role);
    if (role === "GUEST" && target.role !== "GUEST") {
      const memberships = await listChannelMembershipsInWorkspace(tx, workspaceId, userId);
      const lost = memberships.filter((m) => !guestMayHoldChannelMembership(m)).map((m) => m.channelId);
      if (lost.length) await deleteChannelMemberships(tx, userId, lost);
    }
    await bumpClaimsVersion(tx, [userId]);
    if (role !== target.role) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "member.role_changed",
        target: { type: "member", id: userId },
        before: { role: target.role },
        after: { role },
      });
    }
    return {
      userId,
      name: target.user.name,
      handle: target.user.handle,
      email: target.user.email,
      role,
      joinedAt: target.createdAt,
    };
  });
  // Committed: the next request, on any instance, reads the new role (and a demotion's dropped channels).
  await Promise.all([forgetActorsOf([userId]), forgetComputed([channelsScope(workspaceId)])]);
  return changed;
}
