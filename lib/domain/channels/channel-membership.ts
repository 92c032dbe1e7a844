import { channelsScope, forgetComputed } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import { deleteChannelMember, findChannelForUser, upsertChannelMember } from "@/lib/data/channels";
import { findMembership } from "@/lib/data/workspaces";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { assertCanAddChannelMember, assertCanJoinChannel, assertCanRemoveChannelMember } from "../policy";
import { getChannelOrThrow } from "./get-channel";

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

/** Add a workspace member to a channel (how guests and private channels get their people). */
export async function addChannelMember(actor: Actor, workspaceId: string, channelId: string, userId: string) {
  const db = await getDb();
  const channel = await getChannelOrThrow(actor, workspaceId, channelId, db);
  assertCanAddChannelMember(actor, channel);
  if (channel.archivedAt) throw new AppError("CONFLICT", "This channel is archived");
  if (!(await findMembership(db, workspaceId, userId))) throw notFound("Member");
  // Remembered so that a demotion to guest keeps what someone gave them and drops what they joined themselves.
  await upsertChannelMember(db, channelId, userId, userId === actor.userId ? null : actor.userId);
  await forgetComputed([channelsScope(workspaceId)]);
}

export async function removeChannelMember(actor: Actor, workspaceId: string, channelId: string, userId: string) {
  const db = await getDb();
  const channel = await getChannelOrThrow(actor, workspaceId, channelId, db);
  assertCanRemoveChannelMember(actor, channel, userId);
  const target = await findChannelForUser(db, channelId, userId);
  if (!target?.isMember) throw notFound("Channel member");
  await deleteChannelMember(db, channelId, userId);
  await forgetComputed([channelsScope(workspaceId)]);
}
