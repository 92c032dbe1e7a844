import { getDb } from "@/lib/data/db/client";
import { listMembers as listMemberRows } from "@/lib/data/workspaces";
import type { Actor } from "../actor";
import { assertCanListMembers } from "../policy";

export async function listMembers(actor: Actor, workspaceId: string) {
  assertCanListMembers(actor, workspaceId);
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
