import { getDb } from "@/lib/data/db/client";
import { listMembers as listMemberRows } from "@/lib/data/workspaces";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { canListMembers, canViewWorkspace } from "../policy";

export async function listMembers(actor: Actor, workspaceId: string) {
  if (!canViewWorkspace(actor, workspaceId)) throw notFound("Workspace");
  if (!canListMembers(actor, workspaceId)) throw new AppError("FORBIDDEN", "Guests cannot see the member list");
  const rows = await listMemberRows(await getDb(), workspaceId);
  return rows.map((m) => ({
    userId: m.user.id,
    name: m.user.name,
    handle: m.user.handle,
    email: m.user.email,
    role: m.role,
    joinedAt: m.createdAt,
  }));
}
