import { getDb } from "@/lib/data/db/client";
import { bumpClaimsVersion } from "@/lib/data/users";
import { countOwners, findMembership, lockWorkspace, updateMembershipRole } from "@/lib/data/workspaces";
import { AppError, notFound } from "@/lib/errors";
import type { Actor, Role } from "../actor";
import { assertCanChangeRole, requireWorkspaceMember } from "../policy";

/** The target's sessions lose the old role on their very next request (claims version bump). */
export async function changeMemberRole(actor: Actor, workspaceId: string, userId: string, role: Role) {
  requireWorkspaceMember(actor, workspaceId);
  const db = await getDb();
  return db.$transaction(async (tx) => {
    await lockWorkspace(tx, workspaceId);
    const target = await findMembership(tx, workspaceId, userId);
    if (!target) throw notFound("Member");
    assertCanChangeRole(actor, workspaceId, { userId, role: target.role }, role);
    if (target.role === "OWNER" && role !== "OWNER" && (await countOwners(tx, workspaceId)) <= 1) {
      throw new AppError("CONFLICT", "A workspace needs at least one owner");
    }
    await updateMembershipRole(tx, workspaceId, userId, role);
    await bumpClaimsVersion(tx, [userId]);
    return {
      userId,
      name: target.user.name,
      handle: target.user.handle,
      email: target.user.email,
      role,
      joinedAt: target.createdAt,
    };
  });
}
