import { getDb } from "@/lib/data/db/client";
import { listWorkspacesOfUser } from "@/lib/data/workspaces";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor, Role } from "../actor";
import { decodeNameCursor, paginateByName, wholeList, type Page } from "../pagination";

type MyWorkspace = { id: string; name: string; slug: string; createdAt: Date; requireMfa: boolean; role: Role };

/** The actor's workspaces by name; a token sees only its own. Those waiting for MFA setup are listed (opening them asks for it). */
export async function listMyWorkspaces(actor: Actor) {
  return (await listMyWorkspacesPage(actor)).items;
}

/** listMyWorkspaces a page at a time (the API); without `page`, all of them. */
export async function listMyWorkspacesPage(actor: Actor, page?: PageQuery): Promise<Page<MyWorkspace>> {
  const db = await getDb();
  const mine = [...Object.keys(actor.roles), ...(actor.mfaSetupIn ?? [])];
  const present = (rows: Awaited<ReturnType<typeof listWorkspacesOfUser>>) =>
    rows.map((r) => ({ ...r.workspace, role: r.role }));
  if (!page) return wholeList(present(await listWorkspacesOfUser(db, actor.userId, mine)));
  const after = decodeNameCursor(page.cursor);
  return paginateByName(
    page.limit,
    async (take) => present(await listWorkspacesOfUser(db, actor.userId, mine, { take, after })),
    (w) => ({ name: w.name, id: w.id }),
  );
}
