import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb } from "@/lib/data/db/client";
import { insertChannel, upsertChannelMember } from "@/lib/data/channels";
import { bumpClaimsVersion } from "@/lib/data/users";
import { insertMembership, insertWorkspace, slugTaken } from "@/lib/data/workspaces";
import type { CreateWorkspaceInput } from "@/lib/validation/workspaces";
import type { Actor } from "../actor";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/outbox/record";
import { freeName, toNameBase } from "../names/free-name";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "../audit/record-audit";

/** The creator becomes its owner; a #general channel is there from the start. */
export async function createWorkspace(actor: Actor, input: CreateWorkspaceInput) {
  if (actor.via === "token")
    throw new AppError("FORBIDDEN", "API tokens belong to one workspace and cannot create workspaces");
  const db = await getDb();
  const workspace = await transaction(db, async (tx) => {
    const slug = await freeName(tx, "workspace-slug", toNameBase(input.name, "-", 40) || "workspace", "-", (s) =>
      slugTaken(tx, s),
    );
    const workspace = await insertWorkspace(tx, { name: input.name, slug });
    await insertMembership(tx, { workspaceId: workspace.id, userId: actor.userId, role: "OWNER" });
    const general = await insertChannel(tx, {
      workspaceId: workspace.id,
      name: "general",
      description: "Everyone, everything",
      kind: "PUBLIC",
      createdById: actor.userId,
    });
    await upsertChannelMember(tx, general.id, actor.userId);
    await bumpClaimsVersion(tx, [actor.userId]);
    await recordEvent(tx, "workspace/member-joined", {
      workspaceId: workspace.id,
      userId: actor.userId,
      role: "OWNER",
    });
    await recordAudit(tx, {
      workspaceId: workspace.id,
      actor,
      action: "workspace.created",
      target: { type: "workspace", id: workspace.id },
      after: { name: workspace.name, slug: workspace.slug, requireMfa: workspace.requireMfa },
    });
    return { ...workspace, role: "OWNER" as const };
  });
  await forgetActorsOf([actor.userId]); // the creator's cached claims lack the new workspace
  return workspace;
}
