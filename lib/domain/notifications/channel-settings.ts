import { getDb } from "@/lib/data/db/client";
import { markChannelRead, updateNotifyLevel } from "@/lib/data/catch-up";
import { AppError } from "@/lib/errors";
import type { Actor } from "../actor";
import { getChannelOrThrow } from "../channels/get-channel";

export type NotifyLevel = "ALL" | "MENTIONS" | "NOTHING";

/** Per-channel email level (ALL / MENTIONS → mention emails, NOTHING → none). Only for channels one follows. */
export async function setChannelNotifyLevel(actor: Actor, workspaceId: string, channelId: string, level: NotifyLevel) {
  const channel = await getChannelOrThrow(actor, workspaceId, channelId);
  if (!channel.isMember) throw new AppError("CONFLICT", "Join the channel to choose its notifications");
  await updateNotifyLevel(await getDb(), channelId, actor.userId, level);
  return { channelId, level };
}

/** "I have read this channel up to now": it leaves the catch-up list and the next digest. */
export async function markChannelAsRead(actor: Actor, workspaceId: string, channelId: string) {
  await getChannelOrThrow(actor, workspaceId, channelId);
  const at = new Date();
  await markChannelRead(await getDb(), channelId, actor.userId, at);
  return { channelId, lastReadAt: at };
}
