import { getDb } from "@/lib/data/db/client";
import { findInvite } from "@/lib/data/invites";
import { findUserById } from "@/lib/data/users";
import { appLink, sendEmail } from "../mail/send-email";
import { issueOneTimeToken } from "../one-time-tokens/tokens";
import { inviteStatus } from "./present";

/** Emails a fresh link for a pending invite, once per `idempotencyKey`; skipped once the invite is settled. */
export async function sendInviteEmail(inviteId: string, idempotencyKey: string) {
  const db = await getDb();
  const invite = await findInvite(db, inviteId);
  if (!invite || inviteStatus(invite) !== "pending")
    return { sent: false as const, reason: invite ? inviteStatus(invite) : "deleted" };
  const inviter = await findUserById(db, invite.invitedById);
  const token = await issueOneTimeToken(db, {
    purpose: "INVITE",
    email: invite.email,
    inviteId: invite.id,
    expiresAt: invite.expiresAt,
  });
  const result = await sendEmail(
    "invite",
    {
      workspaceName: invite.workspace.name,
      inviterName: inviter?.name ?? "A workspace admin",
      role: invite.role,
      url: appLink("/invite", { token }),
      expiresAt: invite.expiresAt,
    },
    { email: invite.email, idempotencyKey },
  );
  return { sent: true as const, duplicate: result.duplicate };
}
