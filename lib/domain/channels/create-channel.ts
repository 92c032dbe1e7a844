import { channelsScope, forgetComputed } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import { channelNameTaken, insertChannel, upsertChannelMember } from "@/lib/data/channels";
import { AppError } from "@/lib/errors";
import type { CreateChannelInput } from "@/lib/validation/channels";
import type { Actor } from "../actor";
import { assertCanCreateChannel } from "../policy";
import { transaction } from "@/lib/data/db/transaction";
import { recordEvent } from "@/lib/outbox/record";
import { recordAudit } from "../audit/record-audit";

export async function createChannel(actor: Actor, workspaceId: string, input: CreateChannelInput) {
  assertCanCreateChannel(actor, workspaceId, input.kind);
  const db = await getDb();
  const created = await transaction(db, async (tx) => {
    if (await channelNameTaken(tx, workspaceId, input.name)) {
      throw new AppError("CONFLICT", `A channel named #${input.name} already exists`, [
        { path: "name", message: "already taken" },
      ]);
    }
    const channel = await insertChannel(tx, { workspaceId, ...input, createdById: actor.userId });
    await upsertChannelMember(tx, channel.id, actor.userId);
    await recordEvent(tx, "channel/created", { workspaceId, channelId: channel.id });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "channel.created",
      target: { type: "channel", id: channel.id },
      after: { name: channel.name, description: channel.description, kind: channel.kind },
    });
    return { ...channel, isMember: true };
  });
  await forgetComputed([channelsScope(workspaceId)]); // committed: every reader's sidebar shows it
  return created;
}
