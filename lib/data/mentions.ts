import "server-only";
import type { DbOrTx } from "./db/client";

/** Users with these handles who belong to the workspace, with their role and their membership of the channel. */
export function findMentionCandidates(db: DbOrTx, workspaceId: string, channelId: string, handles: string[]) {
  return db.user.findMany({
    where: { handle: { in: handles }, memberships: { some: { workspaceId } } },
    select: {
      id: true,
      handle: true,
      memberships: { where: { workspaceId }, select: { role: true } },
      channelMembers: { where: { channelId }, select: { notifyLevel: true } },
    },
  });
}

export function insertMentions(
  tx: DbOrTx,
  rows: { workspaceId: string; userId: string; postId: string; commentId: string | null }[],
) {
  return tx.mention.createMany({ data: rows, skipDuplicates: true });
}

export function insertNotifications(
  tx: DbOrTx,
  rows: {
    userId: string;
    workspaceId: string;
    kind: string;
    actorId: string;
    postId: string;
    commentId: string | null;
  }[],
) {
  return tx.notification.createMany({ data: rows });
}

/** The mentions a post (commentId null) or a comment made. */
export function findMentionIdsFor(db: DbOrTx, postId: string, commentId: string | null) {
  return db.mention.findMany({
    where: { postId, commentId },
    orderBy: { id: "asc" },
    select: { id: true, userId: true },
  });
}

/** One mention with what its email needs, and the recipient's notification level in the channel (null: not following). */
export async function findMentionForEmail(db: DbOrTx, id: string) {
  const mention = await db.mention.findUnique({
    where: { id },
    select: {
      id: true,
      user: { select: { id: true, name: true, email: true } },
      post: {
        select: {
          id: true,
          title: true,
          body: true,
          channelId: true,
          workspaceId: true,
          deletedAt: true,
          author: { select: { name: true } },
          channel: { select: { name: true } },
        },
      },
      comment: { select: { id: true, body: true, deletedAt: true, author: { select: { name: true } } } },
    },
  });
  if (!mention) return null;
  const member = await db.channelMember.findUnique({
    where: { channelId_userId: { channelId: mention.post.channelId, userId: mention.user.id } },
    select: { notifyLevel: true },
  });
  return { ...mention, notifyLevel: member?.notifyLevel ?? null };
}
