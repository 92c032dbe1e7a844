import "server-only";
import type { DbOrTx } from "./db/client";
import { queryRows } from "./db/raw-read";
import { Prisma } from "./generated/prisma/client";
import type { ChannelKind } from "./generated/prisma/enums";

export const channelSelect = {
  id: true,
  workspaceId: true,
  name: true,
  description: true,
  kind: true,
  archivedAt: true,
  createdAt: true,
  createdById: true,
} as const;

export function insertChannel(
  tx: DbOrTx,
  data: { workspaceId: string; name: string; description: string; kind: ChannelKind; createdById: string },
) {
  return tx.channel.create({ data, select: channelSelect });
}

export function channelNameTaken(db: DbOrTx, workspaceId: string, name: string, exceptId?: string) {
  return db.channel
    .count({ where: { workspaceId, name, ...(exceptId ? { NOT: { id: exceptId } } : {}) } })
    .then((n) => n > 0);
}

/** The channel, and whether `userId` is a member of it, in one statement. */
/** A channel's facts with whether a given person is one of its members. */
export type ChannelForUser = {
  id: string;
  workspaceId: string;
  name: string;
  description: string;
  kind: ChannelKind;
  archivedAt: Date | null;
  createdAt: Date;
  createdById: string | null;
  isMember: boolean;
};

export async function findChannelForUser(db: DbOrTx, channelId: string, userId: string) {
  const rows = await db.$queryRaw<
    ChannelForUser[]
  >`SELECT c."id", c."workspaceId", c."name", c."description", c."kind"::text AS "kind", c."archivedAt", c."createdAt",
      c."createdById",
      EXISTS (SELECT 1 FROM "ChannelMember" m WHERE m."channelId" = c."id" AND m."userId" = ${userId}) AS "isMember"
    FROM "Channel" c WHERE c."id" = ${channelId}`;
  return rows[0] ?? null;
}

/**
 * Every channel of the workspace with whether `userId` is one of its members, active ones first, then archived, each by
 * name: one statement (the same columns as findChannelForUser, for the whole workspace).
 */
export function listChannelsWithMembership(db: DbOrTx, workspaceId: string, userId: string) {
  return queryRows<ChannelForUser>(
    db,
    Prisma.sql`SELECT c."id", c."workspaceId", c."name", c."description", c."kind"::text AS "kind", c."archivedAt",
      c."createdAt", c."createdById",
      EXISTS (SELECT 1 FROM "ChannelMember" m WHERE m."channelId" = c."id" AND m."userId" = ${userId}) AS "isMember"
    FROM "Channel" c WHERE c."workspaceId" = ${workspaceId}
    ORDER BY c."archivedAt" DESC NULLS FIRST, c."name" ASC`,
  );
}

export function updateChannel(
  tx: DbOrTx,
  id: string,
  data: { name?: string; description?: string; archivedAt?: Date | null },
) {
  return tx.channel.update({ where: { id }, data, select: channelSelect });
}

/** Adds the member unless present. One INSERT … ON CONFLICT DO NOTHING: Prisma's upsert is a read then a write, which races. */
export function upsertChannelMember(tx: DbOrTx, channelId: string, userId: string, addedById: string | null = null) {
  return tx.channelMember.createMany({ data: [{ channelId, userId, addedById }], skipDuplicates: true });
}

/** One person's channel memberships in a workspace, with who added them (null: by themselves). */
export function listChannelMembershipsInWorkspace(tx: DbOrTx, workspaceId: string, userId: string) {
  return tx.channelMember.findMany({
    where: { userId, channel: { workspaceId } },
    select: { channelId: true, userId: true, addedById: true },
  });
}

export function deleteChannelMemberships(tx: DbOrTx, userId: string, channelIds: string[]) {
  return tx.channelMember.deleteMany({ where: { userId, channelId: { in: channelIds } } });
}

export function deleteChannelMember(tx: DbOrTx, channelId: string, userId: string) {
  return tx.channelMember.deleteMany({ where: { channelId, userId } });
}

export function addMemberToPublicChannels(tx: DbOrTx, workspaceId: string, userId: string) {
  return tx.channel
    .findMany({
      where: { workspaceId, kind: { in: ["PUBLIC", "ANNOUNCEMENT"] }, archivedAt: null },
      select: { id: true },
    })
    .then((channels) =>
      tx.channelMember.createMany({ data: channels.map((c) => ({ channelId: c.id, userId })), skipDuplicates: true }),
    );
}
