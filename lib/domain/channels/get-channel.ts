import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { findChannelForUser } from "@/lib/data/channels";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { canViewChannel, canViewWorkspace } from "../policy";
import { channelsWithMembership } from "./channels-with-membership";

export type ChannelView = NonNullable<Awaited<ReturnType<typeof getChannelOrThrow>>>;

function visibleOrThrow<C extends Parameters<typeof canViewChannel>[1]>(
  actor: Actor,
  workspaceId: string,
  row?: C | null,
) {
  if (!row || row.workspaceId !== workspaceId) throw notFound("Channel");
  if (!canViewChannel(actor, row)) throw notFound("Channel");
  return row;
}

/** The channel as the actor may see it; 404 when it does not exist, is elsewhere, or is hidden from them. */
export async function getChannelOrThrow(actor: Actor, workspaceId: string, channelId: string, db?: DbOrTx) {
  return visibleOrThrow(actor, workspaceId, await findChannelForUser(db ?? (await getDb()), channelId, actor.userId));
}

/**
 * getChannelOrThrow's answer from the reader's cached channel list (the sidebar's), so a warm call sends no statement.
 * That list is renewed after every change to a channel or to who belongs to it (docs/decisions/0017), as the actor is
 * after every change to a role; channels are archived, never deleted.
 */
export async function getCachedChannelOrThrow(actor: Actor, workspaceId: string, channelId: string) {
  if (!canViewWorkspace(actor, workspaceId)) throw notFound("Channel"); // no list to read: nothing of it is visible anyway
  const channels = await channelsWithMembership(actor, workspaceId);
  return visibleOrThrow(
    actor,
    workspaceId,
    channels.find((c) => c.id === channelId),
  );
}
