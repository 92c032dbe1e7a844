import { getDb } from "@/lib/data/db/client";
import { channelNameTaken, insertChannel, upsertChannelMember } from "@/lib/data/channels";
import { AppError, notFound } from "@/lib/errors";
import type { CreateChannelInput } from "@/lib/validation/channels";
import type { Actor } from "../actor";
import { canCreateChannel, canViewWorkspace } from "../policy";

export async function createChannel(actor: Actor, workspaceId: string, input: CreateChannelInput) {
  if (!canViewWorkspace(actor, workspaceId)) throw notFound("Workspace");
  if (!canCreateChannel(actor, workspaceId, input.kind)) {
    throw new AppError(
      "FORBIDDEN",
      input.kind === "PUBLIC"
        ? "Guests cannot create channels"
        : "Only admins can create private and announcement channels",
    );
  }
  const db = await getDb();
  return db.$transaction(async (tx) => {
    if (await channelNameTaken(tx, workspaceId, input.name)) {
      throw new AppError("CONFLICT", `A channel named #${input.name} already exists`, [
        { path: "name", message: "already taken" },
      ]);
    }
    const channel = await insertChannel(tx, { workspaceId, ...input, createdById: actor.userId });
    await upsertChannelMember(tx, channel.id, actor.userId);
    return { ...channel, isMember: true };
  });
}
