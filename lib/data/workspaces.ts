import "server-only";
import type { DbOrTx, Tx } from "./db/client";
import type { NamePage } from "./page";
import type { Role } from "./generated/prisma/enums";

export function insertWorkspace(tx: DbOrTx, data: { name: string; slug: string }) {
  return tx.workspace.create({ data, select: { id: true, name: true, slug: true, createdAt: true, requireMfa: true } });
}

export function slugTaken(tx: DbOrTx, slug: string) {
  return tx.workspace.count({ where: { slug } }).then((n) => n > 0);
}

export function findWorkspace(db: DbOrTx, id: string) {
  return db.workspace.findUnique({
    where: { id },
    select: { id: true, name: true, slug: true, createdAt: true, requireMfa: true },
  });
}

/** The user's memberships among `workspaceIds`, by workspace name; a page of them when `page` is given. */
export function listWorkspacesOfUser(db: DbOrTx, userId: string, workspaceIds: string[], page?: NamePage) {
  const after = page?.after;
  return db.membership.findMany({
    where: {
      userId,
      workspaceId: { in: workspaceIds },
      ...(after
        ? {
            OR: [
              { workspace: { is: { name: { gt: after.name } } } },
              { workspace: { is: { name: after.name } }, workspaceId: { gt: after.id } },
            ],
          }
        : {}),
    },
    ...(page ? { take: page.take } : {}),
    orderBy: [{ workspace: { name: "asc" } }, { workspaceId: "asc" }],
    select: {
      role: true,
      workspace: { select: { id: true, name: true, slug: true, createdAt: true, requireMfa: true } },
    },
  });
}

export function insertMembership(tx: DbOrTx, data: { workspaceId: string; userId: string; role: Role }) {
  return tx.membership.create({ data, select: { id: true, role: true } });
}

export function findMembership(db: DbOrTx, workspaceId: string, userId: string) {
  return db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId } },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, handle: true, email: true } } },
  });
}

export function listMembers(db: DbOrTx, workspaceId: string, page?: NamePage) {
  const after = page?.after;
  return db.membership.findMany({
    where: {
      workspaceId,
      ...(after
        ? {
            OR: [
              { user: { is: { name: { gt: after.name } } } },
              { user: { is: { name: after.name } }, userId: { gt: after.id } },
            ],
          }
        : {}),
    },
    ...(page ? { take: page.take } : {}),
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, handle: true, email: true } } },
  });
}

export function countOwners(db: DbOrTx, workspaceId: string) {
  return db.membership.count({ where: { workspaceId, role: "OWNER" } });
}

export function updateMembershipRole(tx: DbOrTx, workspaceId: string, userId: string, role: Role) {
  return tx.membership.update({
    where: { workspaceId_userId: { workspaceId, userId } },
    data: { role },
    select: { role: true },
  });
}

export async function deleteMembership(tx: DbOrTx, workspaceId: string, userId: string) {
  // Leaving a workspace also leaves its channels.
  await tx.channelMember.deleteMany({ where: { userId, channel: { workspaceId } } });
  await tx.membership.delete({ where: { workspaceId_userId: { workspaceId, userId } } });
}

/** Holds the workspace row until the transaction ends: membership changes that check-then-write (the last owner) queue up. */
export async function lockWorkspace(tx: Tx, workspaceId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE id = ${workspaceId} FOR UPDATE`;
}
