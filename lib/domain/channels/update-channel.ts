import { channelsScope, forgetComputed } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import { channelNameTaken, updateChannel as saveChannel } from "@/lib/data/channels";
import { AppError } from "@/lib/errors";
import type { UpdateChannelInput } from "@/lib/validation/channels";
import type { Actor } from "../actor";
import { assertCanManageChannel } from "../policy";
import { getChannelOrThrow } from "./get-channel";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "../audit/record-audit";

/**
 * Rename, describe, archive or unarchive. A change is one audit row: channel.archived or channel.unarchived when the
 * archive state moved (with any other change in the same request), channel.kind_changed when the kind did, else
 * channel.updated; a request that changes nothing records nothing.
 */
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
    const fields = ["name", "description", "kind", "archivedAt"] as const;
    const changed = fields.filter((f) => !sameValue(channel[f], updated[f]));
    if (changed.length) {
      const action = changed.includes("archivedAt")
        ? updated.archivedAt
          ? "channel.archived"
          : "channel.unarchived"
        : changed.includes("kind")
          ? "channel.kind_changed"
          : "channel.updated";
      await recordAudit(tx, {
        workspaceId,
        actor,
        action,
        target: { type: "channel", id: channelId },
        // The name always, so an entry says which channel even when the name is not what changed.
        before: { name: channel.name, ...Object.fromEntries(changed.map((f) => [f, channel[f]])) },
        after: { name: updated.name, ...Object.fromEntries(changed.map((f) => [f, updated[f]])) },
      });
    }
    return { ...updated, isMember: channel.isMember };
  });
  await forgetComputed([channelsScope(workspaceId)]);
  return changed;
}

const sameValue = (a: unknown, b: unknown) =>
  (a instanceof Date ? a.getTime() : a) === (b instanceof Date ? b.getTime() : b);
