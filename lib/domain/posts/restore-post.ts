// "Recently deleted": admins see the posts deleted in the last 30 days and restore them; after that the cleanup
import { activityScope, forgetComputed } from "@/lib/data/cache/computed";
// purges them (lib/domain/cleanup/run-cleanup.ts, the same 30 days).
import { getDb } from "@/lib/data/db/client";
import { transaction } from "@/lib/data/db/transaction";
import { findPost, listDeletedPosts, updatePost } from "@/lib/data/posts";
import { findUsersByIds } from "@/lib/data/users";
import { forbidden, notFound } from "@/lib/errors";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { getChannelOrThrow } from "../channels/get-channel";
import { retention } from "../cleanup/run-cleanup";
import { decodeCursor, encodeCursor } from "../pagination";
import { canRestorePosts, canViewChannel, requireWorkspaceMember } from "../policy";
import { presentPost } from "./present";

const DAY = 86_400_000;
const restorableSince = (now: Date) => new Date(now.getTime() - retention.deletedPostDays * DAY);

const summary = (u?: { id: string; name: string; handle: string }) =>
  u ? { id: u.id, name: u.name, handle: u.handle } : null;

function requireRestorer(actor: Actor, workspaceId: string) {
  requireWorkspaceMember(actor, workspaceId);
  if (!canRestorePosts(actor, workspaceId)) throw forbidden("Only admins and owners see and restore deleted posts");
}

export async function listRecentlyDeleted(actor: Actor, workspaceId: string, page: PageQuery) {
  requireRestorer(actor, workspaceId);
  const db = await getDb();
  const after = decodeCursor(page.cursor);
  const rows = await listDeletedPosts(db, {
    workspaceId,
    viewerId: actor.userId,
    since: restorableSince(new Date()),
    limit: page.limit + 1,
    ...(after ? { after: { deletedAt: after.createdAt, id: after.id } } : {}),
  });
  const page_ = rows.slice(0, page.limit);
  // Posts of channels the admin cannot see (a private one they are not in) stay out of the list.
  const items = page_.filter((r) =>
    canViewChannel(actor, {
      workspaceId,
      kind: r.channel.kind,
      archivedAt: r.channel.archivedAt,
      isMember: r.channel.members.length > 0,
    }),
  );
  const deleters = await findUsersByIds(db, [...new Set(items.map((r) => r.deletedById).filter((x) => x !== null))]);
  const byId = new Map(deleters.map((u) => [u.id, u]));
  const last = page_[page_.length - 1];
  return {
    items: items.map(({ deletedById, deletedAt, channel: { id, name, kind }, ...r }) => ({
      ...r,
      channel: { id, name, kind },
      deletedAt: deletedAt!,
      restorableUntil: new Date(deletedAt!.getTime() + retention.deletedPostDays * DAY),
      deletedBy: summary(deletedById ? byId.get(deletedById) : undefined),
    })),
    nextCursor: rows.length > page.limit && last ? encodeCursor({ createdAt: last.deletedAt!, id: last.id }) : null,
  };
}

export async function restorePost(actor: Actor, workspaceId: string, postId: string) {
  requireRestorer(actor, workspaceId);
  const db = await getDb();
  const restored = await transaction(db, async (tx) => {
    const post = await findPost(tx, postId);
    if (!post || post.workspaceId !== workspaceId || (post.deletedAt && post.deletedAt < restorableSince(new Date())))
      throw notFound("Post");
    // Its channel must still be one the admin can see (an admin sees every channel but a private one they left).
    await getChannelOrThrow(actor, workspaceId, post.channelId, tx).catch(() => {
      throw notFound("Post");
    });
    // Restoring is idempotent: a post that is not deleted (restored already, by a retry or another admin) is answered.
    if (!post.deletedAt) return presentPost(post);
    return presentPost(await updatePost(tx, postId, { deletedAt: null, deletedById: null }));
  });
  await forgetComputed([activityScope(workspaceId)]); // committed: it is counted again
  return restored;
}
