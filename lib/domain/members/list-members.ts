import { getDb } from "@/lib/data/db/client";
import { listMembers as listMemberRows } from "@/lib/data/workspaces";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { decodeNameCursor, paginateByName, wholeList } from "../pagination";
import { assertCanListMembers } from "../policy";

const present = (m: Awaited<ReturnType<typeof listMemberRows>>[number]) => ({
  userId: m.user.id,
  name: m.user.name,
  handle: m.user.handle,
  email: m.user.email,
  role: m.role,
  joinedAt: m.createdAt,
});

/** Everyone in the workspace, by name. */
export async function listMembers(actor: Actor, workspaceId: string) {
  return (await listMembersPage(actor, workspaceId)).items;
}

/** listMembers a page at a time (the API); without `page`, all of them. */
export async function listMembersPage(actor: Actor, workspaceId: string, page?: PageQuery) {
  assertCanListMembers(actor, workspaceId);
  const db = await getDb();
  if (!page) return wholeList((await listMemberRows(db, workspaceId)).map(present));
  const after = decodeNameCursor(page.cursor);
  return paginateByName(
    page.limit,
    async (take) => (await listMemberRows(db, workspaceId, { take, after })).map(present),
    (m) => ({ name: m.name, id: m.userId }),
  );
}
