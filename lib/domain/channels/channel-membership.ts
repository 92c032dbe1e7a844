import { channelsScope, forgetComputed } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import { deleteChannelMember, findChannelForUser, upsertChannelMember } from "@/lib/data/channels";
import { findMembership } from "@/lib/data/workspaces";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { assertCanAddChannelMember, assertCanJoinChannel, assertCanRemoveChannelMember } from "../policy";
import { getChannelOrThrow } from "./get-channel";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "../audit/record-audit";

export async function joinChannel(actor: Actor, workspaceId: string, channelId: string) {
  const db = await getDb();
  const channel = await getChannelOrThrow(actor, workspaceId, channelId, db);
  assertCanJoinChannel(actor, channel);
  await upsertChannelMember(db, channelId, actor.userId);
  await forgetComputed([channelsScope(workspaceId)]);
  return { ...channel, isMember: true };
}

export async function leaveChannel(actor: Actor, workspaceId: string, channelId: string) {
  const db = await getDb();
  const channel = await getChannelOrThrow(actor, workspaceId, channelId, db);
  await deleteChannelMember(db, channelId, actor.userId);
  await forgetComputed([channelsScope(workspaceId)]);
  return { ...channel, isMember: false };
}

/** Add a workspace member to a channel (how guests and private channels get their people); audited when it is someone else. */
export async function addChannelMember(actor: Actor, workspaceId: string, channelId: string, userId: string) {
  const db = await getDb();
  const channel = await getChannelOrThrow(actor, workspaceId, channelId, db);
  assertCanAddChannelMember(actor, channel);
  if (channel.archivedAt) throw new AppError("CONFLICT", "This channel is archived");
  if (!(await findMembership(db, workspaceId, userId))) throw notFound("Member");
  if (userId === actor.userId) await upsertChannelMember(db, channelId, userId, null);
  else {
    await transaction(db, async (tx) => {
      // Remembered so that a demotion to guest keeps what someone gave them and drops what they joined themselves.
      const added = await upsertChannelMember(tx, channelId, userId, actor.userId);
      if (added.count > 0) await recordAudit(tx, channelMemberAudit(actor, channel, userId, "channel.member_added"));
    });
  }
  await forgetComputed([channelsScope(workspaceId)]);
}

export async function removeChannelMember(actor: Actor, workspaceId: string, channelId: string, userId: string) {
  const db = await getDb();
  const channel = await getChannelOrThrow(actor, workspaceId, channelId, db);
  assertCanRemoveChannelMember(actor, channel, userId);
  const target = await findChannelForUser(db, channelId, userId);
  if (!target?.isMember) throw notFound("Channel member");
  if (userId === actor.userId) await deleteChannelMember(db, channelId, userId);
  else {
    await transaction(db, async (tx) => {
      await deleteChannelMember(tx, channelId, userId);
      await recordAudit(tx, channelMemberAudit(actor, channel, userId, "channel.member_removed"));
    });
  }
  await forgetComputed([channelsScope(workspaceId)]);
}

function channelMemberAudit(
  actor: Actor,
  channel: { id: string; workspaceId: string; name: string },
  userId: string,
  action: "channel.member_added" | "channel.member_removed",
) {
  const entry = { channelId: channel.id, channelName: channel.name, member: true };
  return {
    workspaceId: channel.workspaceId,
    actor,
    action,
    target: { type: "member" as const, id: userId },
    before: action === "channel.member_added" ? { ...entry, member: false } : entry,
    after: action === "channel.member_added" ? entry : { ...entry, member: false },
  };
}
