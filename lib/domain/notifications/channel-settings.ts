import { getDb } from "@/lib/data/db/client";
import { forgetComputed, levelsScope, readsScope } from "@/lib/data/cache/computed";
import { markChannelRead, markWorkspaceRead, updateNotifyLevel } from "@/lib/data/catch-up";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { requireWorkspaceMember } from "../policy";
import { getMyChannelSettings } from "../channels/channel-people";
import { getCachedChannelOrThrow, getChannelOrThrow } from "../channels/get-channel";

export type NotifyLevel = "ALL" | "MENTIONS" | "NOTHING";

const notFollowing = () => new AppError("CONFLICT", "Join the channel to choose its notifications");

/**
 * Per-channel notification level (lib/validation/notifications.ts says what each does): ALL → every new post,
 * MENTIONS → mentions only, NOTHING → no emails and no digest. Only for channels one follows.
 */
export async function setChannelNotifyLevel(actor: Actor, workspaceId: string, channelId: string, level: NotifyLevel) {
  const channel = await getChannelOrThrow(actor, workspaceId, channelId);
  if (!channel.isMember) throw notFollowing();
  const row = await updateNotifyLevel(await getDb(), channelId, actor.userId, level);
  if (!row) throw notFollowing(); // left the channel meanwhile
  await forgetComputed([levelsScope(channelId)]); // whether anyone follows the channel at ALL (notify-followers)
  return { channelId, level: row.notifyLevel, lastReadAt: row.lastReadAt };
}

/** One's membership of a channel as the API shows it: 404 when one does not follow the channel. */
export async function getMyChannelMembership(actor: Actor, workspaceId: string, channelId: string) {
  const settings = await getMyChannelSettings(actor, workspaceId, channelId);
  if (!settings) throw notFound("Channel membership");
  return { channelId, userId: actor.userId, notifyLevel: settings.notifyLevel, lastReadAt: settings.lastReadAt };
}

/** setChannelNotifyLevel, answered as the membership (PUT …/membership). */
export async function updateMyChannelMembership(
  actor: Actor,
  workspaceId: string,
  channelId: string,
  input: { notifyLevel: NotifyLevel },
) {
  const set = await setChannelNotifyLevel(actor, workspaceId, channelId, input.notifyLevel);
  return { channelId, userId: actor.userId, notifyLevel: set.level, lastReadAt: set.lastReadAt };
}

/** "I have read this channel up to now": it leaves the catch-up list and the next digest. */
export async function markChannelAsRead(actor: Actor, workspaceId: string, channelId: string) {
  await getCachedChannelOrThrow(actor, workspaceId, channelId);
  const at = new Date();
  await markChannelRead(await getDb(), channelId, actor.userId, at);
  await forgetComputed([readsScope(workspaceId, actor.userId)]);
  return { channelId, lastReadAt: at };
}

/** "Mark all read": every channel one follows in the workspace, read up to now (Catch up and the badges empty). */
export async function markAllChannelsAsRead(actor: Actor, workspaceId: string) {
  requireWorkspaceMember(actor, workspaceId);
  const at = new Date();
  const { count } = await markWorkspaceRead(await getDb(), workspaceId, actor.userId, at);
  await forgetComputed([readsScope(workspaceId, actor.userId)]);
  return { workspaceId, channels: count, lastReadAt: at };
}
