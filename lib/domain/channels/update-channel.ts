import { channelsScope, forgetComputed } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import { channelNameTaken, updateChannel as saveChannel } from "@/lib/data/channels";
import { AppError } from "@/lib/errors";
import type { UpdateChannelInput } from "@/lib/validation/channels";
import type { Actor } from "../actor";
import { assertCanManageChannel } from "../policy";
import { getChannelOrThrow } from "./get-channel";
import { transaction } from "@/lib/data/db/transaction";

/** Rename, describe, archive or unarchive. */
export async function updateChannel(actor: Actor, workspaceId: string, channelId: string, input: UpdateChannelInput) {
  const db = await getDb();
  const changed = await transaction(db, async (tx) => {
    const channel = await getChannelOrThrow(actor, workspaceId, channelId, tx);
    assertCanManageChannel(actor, channel);
    if (input.name && input.name !== channel.name && (await channelNameTaken(tx, workspaceId, input.name, channelId))) {
      throw new AppError("CONFLICT", `A channel named #${input.name} already exists`, [
        { path: "name", message: "already taken" },
      ]);
    }
    const archivedAt =
      input.archived === undefined ? undefined : input.archived ? (channel.archivedAt ?? new Date()) : null;
    const updated = await saveChannel(tx, channelId, { name: input.name, description: input.description, archivedAt });
    return { ...updated, isMember: channel.isMember };
  });
  await forgetComputed([channelsScope(workspaceId)]);
  return changed;
}
