import { getDb } from "@/lib/data/db/client";
import { findInvite } from "@/lib/data/invites";
import { findOneTimeToken } from "@/lib/data/one-time-tokens";
import { findUserByEmail, findUserById } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { hashOneTimeToken } from "../one-time-tokens/tokens";
import { inviteStatus } from "./present";

/**
 * What the invite page shows before anyone signs in: who invites whom to what, and whether the address already
 * has an account (sign in) or not (sign up with that address). Unknown token → 404. The invite's own status
 * comes before the link's expiry (revoking expires the links too, and "revoked" is the truer message); a link that
 * ran out while its invite is still pending (an earlier email of a resent invite) → 410.
 */
export async function previewInvite(token: string) {
  const db = await getDb();
  const row = token.length > 0 && token.length <= 200 ? await findOneTimeToken(db, hashOneTimeToken(token)) : null;
  const invite = row?.purpose === "INVITE" && row.inviteId ? await findInvite(db, row.inviteId) : null;
  if (!row || !invite) throw new AppError("NOT_FOUND", "This invite does not exist.");
  const status = inviteStatus(invite);
  if (status === "pending" && row.expiresAt <= new Date())
    throw new AppError("GONE", "This link has expired; a newer invite email may be in your inbox.");
  const inviter = await findUserById(db, invite.invitedById);
  return {
    workspaceId: invite.workspaceId,
    workspaceName: invite.workspace.name,
    email: invite.email,
    role: invite.role,
    inviterName: inviter?.name ?? null,
    status,
    expiresAt: invite.expiresAt,
    hasAccount: (await findUserByEmail(db, invite.email)) !== null,
  };
}
