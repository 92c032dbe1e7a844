import { channelsScope, forgetComputed } from "@/lib/data/cache/computed";
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { addMemberToPublicChannels } from "@/lib/data/channels";
import { getDb } from "@/lib/data/db/client";
import { findInvite, markInviteAccepted } from "@/lib/data/invites";
import { bumpClaimsVersion, findUserById, markEmailVerified } from "@/lib/data/users";
import { findMembership, insertMembership } from "@/lib/data/workspaces";
import { AppError } from "@/lib/errors";
import type { Actor, Role } from "../actor";
import { recordEvent } from "@/lib/outbox/record";
import { redeemEmailedLink } from "../one-time-tokens/tokens";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "../audit/record-audit";

const INVITE_NOT_FOUND = "This invite does not exist.";

/**
 * Accepts an invite with the emailed token, as the signed-in person the invite was sent to. Adds the membership
 * once: accepting again (double click, second tab) answers the same without changing anything.
 * Unknown token → 404; expired or revoked invite → 410; another address → 403.
 */
export async function acceptInvite(actor: Actor, token: string, workspaceId?: string) {
  if (actor.via !== "session") throw new AppError("FORBIDDEN", "Accept invites while signed in, not with an API token");
  const db = await getDb();
  const now = new Date();
  const accepted = await transaction(db, async (tx) => {
    const link = await redeemEmailedLink(tx, token, now, {
      purpose: "INVITE",
      subject: "inviteId",
      ifUsed: "reopen",
      ifNoSubject: INVITE_NOT_FOUND,
      spend: "later",
    });
    const invite = await findInvite(tx, link.subject);
    if (!invite || (workspaceId && invite.workspaceId !== workspaceId))
      throw new AppError("NOT_FOUND", INVITE_NOT_FOUND);
    const user = await findUserById(tx, actor.userId);
    if (!user) throw new AppError("UNAUTHENTICATED", "Sign in again");
    if (user.email.toLowerCase() !== invite.email.toLowerCase()) {
      throw new AppError("FORBIDDEN", `This invite is for ${invite.email}; sign in with that address to accept it`);
    }
    const existing = await findMembership(tx, invite.workspaceId, user.id);
    const result = (role: Role, alreadyMember: boolean) => ({
      workspaceId: invite.workspaceId,
      workspaceName: invite.workspace.name,
      role,
      alreadyMember,
    });
    if (existing) {
      await markInviteAccepted(tx, invite.id, invite.acceptedAt ?? now);
      return result(existing.role, true);
    }
    if (invite.revokedAt) throw new AppError("GONE", "This invite was revoked.");
    if (invite.acceptedAt) throw new AppError("GONE", "This invite was already used.");
    if (invite.expiresAt <= now) throw new AppError("GONE", "This invite has expired. Ask for a new one.");
    if (!(await markInviteAccepted(tx, invite.id, now))) throw new AppError("GONE", "This invite was already used.");
    await link.spend();
    await insertMembership(tx, { workspaceId: invite.workspaceId, userId: user.id, role: invite.role });
    if (invite.role !== "GUEST") await addMemberToPublicChannels(tx, invite.workspaceId, user.id);
    await bumpClaimsVersion(tx, [user.id]);
    await markEmailVerified(tx, user.id, now); // the emailed token proves the address
    await recordEvent(tx, "workspace/member-joined", {
      workspaceId: invite.workspaceId,
      userId: user.id,
      role: invite.role,
    });
    await recordAudit(tx, {
      workspaceId: invite.workspaceId,
      actor,
      action: "member.joined",
      target: { type: "member", id: user.id },
      before: null,
      after: { name: user.name, handle: user.handle, role: invite.role, inviteId: invite.id },
    });
    return result(invite.role, false);
  });
  // Their cached claims lack the workspace they joined, and their channel list its public channels.
  await Promise.all([forgetActorsOf([actor.userId]), forgetComputed([channelsScope(accepted.workspaceId)])]);
  return accepted;
}
