import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { findInvite, listOpenInvites, updateInvite } from "@/lib/data/invites";
import { expireInviteTokens } from "@/lib/data/one-time-tokens";
import { AppError, notFound } from "@/lib/errors";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { decodeCursor, paginate, wholeList } from "../pagination";
import { recordEvent } from "@/lib/outbox/record";
import { assertCanManageInvites } from "../policy";
import { INVITE_TTL_MS, presentInvite } from "./present";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "../audit/record-audit";

async function getInviteOrThrow(tx: DbOrTx, workspaceId: string, inviteId: string) {
  const invite = await findInvite(tx, inviteId);
  if (!invite || invite.workspaceId !== workspaceId) throw notFound("Invite");
  return invite;
}

/** Unanswered invites (pending and expired), newest first. */
export async function listInvites(actor: Actor, workspaceId: string) {
  return (await listInvitesPage(actor, workspaceId)).items;
}

/** listInvites a page at a time (the API); without `page`, all of them. */
export async function listInvitesPage(actor: Actor, workspaceId: string, page?: PageQuery) {
  assertCanManageInvites(actor, workspaceId);
  const db = await getDb();
  const now = new Date();
  if (!page) return wholeList((await listOpenInvites(db, workspaceId)).map((i) => presentInvite(i, now)));
  const after = decodeCursor(page.cursor);
  const result = await paginate(page.limit, (take) => listOpenInvites(db, workspaceId, { take, after }));
  return { items: result.items.map((i) => presentInvite(i, now)), nextCursor: result.nextCursor };
}

/** Revoking twice is fine; an accepted invite cannot be revoked (remove the member instead). */
export async function revokeInvite(actor: Actor, workspaceId: string, inviteId: string) {
  assertCanManageInvites(actor, workspaceId);
  const db = await getDb();
  const now = new Date();
  return transaction(db, async (tx) => {
    const invite = await getInviteOrThrow(tx, workspaceId, inviteId);
    if (invite.acceptedAt)
      throw new AppError("CONFLICT", "This invite was already accepted; remove the member instead");
    if (invite.revokedAt) return presentInvite(invite, now);
    const revoked = await updateInvite(tx, inviteId, { revokedAt: now });
    await expireInviteTokens(tx, inviteId, now);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "invite.revoked",
      target: { type: "invite", id: inviteId },
      before: { email: invite.email, role: invite.role, revokedAt: null },
      after: { email: invite.email, role: invite.role, revokedAt: now },
    });
    return presentInvite(revoked, now);
  });
}

/** Sends a new link and gives the invite another 7 days. */
export async function resendInvite(actor: Actor, workspaceId: string, inviteId: string) {
  assertCanManageInvites(actor, workspaceId);
  const db = await getDb();
  const now = new Date();
  return transaction(db, async (tx) => {
    const invite = await getInviteOrThrow(tx, workspaceId, inviteId);
    if (invite.acceptedAt) throw new AppError("CONFLICT", "This invite was already accepted");
    if (invite.revokedAt) throw new AppError("CONFLICT", "This invite was revoked; create a new one");
    const renewed = await updateInvite(tx, inviteId, { expiresAt: new Date(now.getTime() + INVITE_TTL_MS) });
    await recordEvent(tx, "invite/resent", { inviteId, workspaceId, email: invite.email });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "invite.resent",
      target: { type: "invite", id: inviteId },
      before: { email: invite.email, expiresAt: invite.expiresAt },
      after: { email: invite.email, expiresAt: renewed.expiresAt },
    });
    return presentInvite(renewed, now);
  });
}
