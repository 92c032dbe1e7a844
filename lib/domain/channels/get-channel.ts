import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { findChannelForUser } from "@/lib/data/channels";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { canViewChannel } from "../policy";

export type ChannelView = NonNullable<Awaited<ReturnType<typeof getChannelOrThrow>>>;

/** The channel as the actor may see it; 404 when it does not exist, is elsewhere, or is hidden from them. */
export async function getChannelOrThrow(actor: Actor, workspaceId: string, channelId: string, db?: DbOrTx) {
  const row = await findChannelForUser(db ?? (await getDb()), channelId, actor.userId);
  if (!row || row.workspaceId !== workspaceId) throw notFound("Channel");
  if (!canViewChannel(actor, row)) throw notFound("Channel");
  return row;
}
