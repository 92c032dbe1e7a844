import { getDb } from "@/lib/data/db/client";
import { findChannelMemberSettings, listChannelMemberUsers } from "@/lib/data/users";
import type { Actor } from "../actor";
import { getCachedChannelOrThrow } from "./get-channel";

/** Who is in a channel (for its settings page); anyone who can see the channel may ask. */
export async function listChannelMembers(actor: Actor, workspaceId: string, channelId: string) {
  await getCachedChannelOrThrow(actor, workspaceId, channelId);
  return listChannelMemberUsers(await getDb(), channelId);
}

/** The actor's own notification level in the channel, or null when they do not follow it. */
export async function getMyChannelSettings(actor: Actor, workspaceId: string, channelId: string) {
  await getCachedChannelOrThrow(actor, workspaceId, channelId);
  return findChannelMemberSettings(await getDb(), channelId, actor.userId);
}
