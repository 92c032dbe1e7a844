// What settings → security shows: whether two-step sign-in is on, codes left, and the workspaces' requirements.
import { getDb } from "@/lib/data/db/client";
import { countUnusedRecoveryCodes, findTotpFactor, listMembershipsWithMfa } from "@/lib/data/mfa";
import type { Actor } from "../actor";
import { requireSessionActor } from "./session-actor";

export async function getSecurityOverview(actor: Actor) {
  requireSessionActor(actor);
  const db = await getDb();
  const [factor, codesLeft, memberships] = await Promise.all([
    findTotpFactor(db, actor.userId),
    countUnusedRecoveryCodes(db, actor.userId),
    listMembershipsWithMfa(db, actor.userId),
  ]);
  const totpOn = factor?.confirmedAt != null;
  return {
    totpOn,
    recoveryCodesLeft: totpOn ? codesLeft : 0,
    owned: memberships.filter((m) => m.role === "OWNER").map((m) => m.workspace),
    requiredBy: memberships.filter((m) => m.workspace.requireMfa).map((m) => m.workspace),
  };
}
