type InviteRow = {
  id: string;
  workspaceId: string;
  email: string;
  role: "OWNER" | "ADMIN" | "MEMBER" | "GUEST";
  invitedById: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
};

export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

export function inviteStatus(invite: InviteRow, now = new Date()): "pending" | "expired" | "accepted" | "revoked" {
  if (invite.acceptedAt) return "accepted";
  if (invite.revokedAt) return "revoked";
  return invite.expiresAt <= now ? "expired" : "pending";
}

export function presentInvite(invite: InviteRow, now = new Date()) {
  return {
    id: invite.id,
    workspaceId: invite.workspaceId,
    email: invite.email,
    role: invite.role,
    invitedById: invite.invitedById,
    status: inviteStatus(invite, now),
    expiresAt: invite.expiresAt,
    createdAt: invite.createdAt,
  };
}
