import { getDb } from "@/lib/data/db/client";
import { findOpenInviteForEmail, insertInvite } from "@/lib/data/invites";
import { findUserByEmail } from "@/lib/data/users";
import { findMembership } from "@/lib/data/workspaces";
import { AppError } from "@/lib/errors";
import type { CreateInviteInput } from "@/lib/validation/invites";
import type { Actor } from "../actor";
import { recordEvent } from "@/lib/outbox/record";
import { assertCanInvite } from "../policy";
import { INVITE_TTL_MS, presentInvite } from "./present";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "../audit/record-audit";

/** Invites an email address with a role; the email with the link leaves through the outbox (invite/created). */
export async function createInvite(actor: Actor, workspaceId: string, input: CreateInviteInput) {
  assertCanInvite(actor, workspaceId, input.role);
  const db = await getDb();
  const now = new Date();
  return transaction(db, async (tx) => {
    const existing = await findUserByEmail(tx, input.email);
    if (existing && (await findMembership(tx, workspaceId, existing.id)))
      throw new AppError("CONFLICT", "This person is already a member");
    if (await findOpenInviteForEmail(tx, workspaceId, input.email, now)) {
      throw new AppError("CONFLICT", "This address already has a pending invite; resend it instead");
    }
    const invite = await insertInvite(tx, {
      workspaceId,
      email: input.email,
      role: input.role,
      invitedById: actor.userId,
      expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
    });
    await recordEvent(tx, "invite/created", { inviteId: invite.id, workspaceId, email: invite.email });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "invite.created",
      target: { type: "invite", id: invite.id },
      after: { email: invite.email, role: invite.role, expiresAt: invite.expiresAt },
    });
    return presentInvite(invite, now);
  });
}
