import { getDb } from "@/lib/data/db/client";
import { listChannelsWithMembership } from "@/lib/data/channels";
import type { Actor } from "../actor";
import { canViewChannel, requireWorkspaceMember } from "../policy";

/** Every channel the actor may see: active ones first, then archived, each by name. */
export async function listChannels(actor: Actor, workspaceId: string) {
  requireWorkspaceMember(actor, workspaceId);
  const rows = await listChannelsWithMembership(await getDb(), workspaceId, actor.userId);
  return rows
    .map(({ members, ...c }) => ({ ...c, isMember: members.length > 0 }))
    .filter((c) => canViewChannel(actor, c));
}
