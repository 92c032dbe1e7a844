// The Inbox: the posts a person follows that have new activity by someone else. They follow a post by writing it,
import { activityScope, forgetComputed, readsScope } from "@/lib/data/cache/computed";
// commenting on it or being mentioned in it (recorded in the background from post/created and comment/created), or by
// hand; marking one done keeps it out until something newer happens.
import { getDb } from "@/lib/data/db/client";
import {
  countInbox,
  findFollow,
  followPost,
  listInbox,
  markFollowDone,
  recordCommentActivity,
  recordPostActivity,
  unfollowPost,
  type InboxRow,
} from "@/lib/data/inbox";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { decodeCursor, encodeCursor, type Page } from "../pagination";
import { canViewChannel, requireWorkspaceMember } from "../policy";
import { getPostWithChannelOrThrow } from "../posts/get-post";

function present(row: InboxRow) {
  return {
    post: {
      id: row.postId,
      title: row.title,
      createdAt: row.postCreatedAt,
      author: { id: row.postAuthorId, name: row.postAuthorName, handle: row.postAuthorHandle },
    },
    channel: {
      id: row.channelId,
      name: row.channelName,
      kind: row.channelKind,
      archived: row.channelArchivedAt !== null,
    },
    reason: row.reason,
    activityAt: row.activityAt,
    newComments: row.newComments,
    lastComment:
      row.lastCommentId && row.lastCommentAuthorName && row.lastCommentAuthorHandle
        ? { id: row.lastCommentId, author: { name: row.lastCommentAuthorName, handle: row.lastCommentAuthorHandle } }
        : null,
  };
}
export type InboxItem = ReturnType<typeof present>;

/** One page of the actor's Inbox in a workspace, the newest activity first. */
export async function listInboxPage(actor: Actor, workspaceId: string, page: PageQuery): Promise<Page<InboxItem>> {
  const role = requireWorkspaceMember(actor, workspaceId);
  const after = decodeCursor(page.cursor);
  const rows = await listInbox(await getDb(), {
    userId: actor.userId,
    workspaceId,
    guest: role === "GUEST",
    limit: page.limit + 1,
    after: after && { activityAt: after.createdAt, postId: after.id },
  });
  // The query returns only readable channels; the policy has the last word all the same.
  const items = rows.slice(0, page.limit).filter((r) =>
    canViewChannel(actor, {
      workspaceId,
      kind: r.channelKind,
      archivedAt: r.channelArchivedAt,
      isMember: r.isMember,
    }),
  );
  const last = rows.length > page.limit ? rows[page.limit - 1] : undefined;
  return {
    items: items.map(present),
    nextCursor: last ? encodeCursor({ createdAt: last.activityAt, id: last.postId }) : null,
  };
}

/** How many posts wait in the actor's Inbox (the sidebar's badge). */
export async function countInboxItems(actor: Actor, workspaceId: string) {
  const role = requireWorkspaceMember(actor, workspaceId);
  return countInbox(await getDb(), { userId: actor.userId, workspaceId, guest: role === "GUEST" });
}

/**
 * Done with a post: it leaves the Inbox until newer activity. 404 unless the actor may read it; a post they do not
 * follow is not in their Inbox, so it is done already (doneAt null).
 */
export async function markInboxItemDone(actor: Actor, workspaceId: string, postId: string) {
  const db = await getDb();
  await getPostWithChannelOrThrow(actor, workspaceId, postId, db);
  const row = await markFollowDone(db, postId, actor.userId);
  await forgetComputed([readsScope(workspaceId, actor.userId)]);
  return { postId, done: true as const, doneAt: row?.doneAt ?? null };
}

/** Whether and why the actor follows a post. */
export async function getFollow(actor: Actor, workspaceId: string, postId: string) {
  const db = await getDb();
  await getPostWithChannelOrThrow(actor, workspaceId, postId, db);
  const row = await findFollow(db, postId, actor.userId);
  return { postId, following: row !== null, reason: row?.reason ?? null };
}

/** The actor's own follow of a post the caller already showed them (a page that loaded the post): no access check. */
export async function myFollowOf(actor: Actor, postId: string) {
  return findFollow(await getDb(), postId, actor.userId);
}

/** Follow (its new activity comes to the Inbox) or stop following a post one may read. Idempotent. */
export async function setFollow(actor: Actor, workspaceId: string, postId: string, following: boolean) {
  const db = await getDb();
  const { post } = await getPostWithChannelOrThrow(actor, workspaceId, postId, db);
  const changed = () => forgetComputed([readsScope(workspaceId, actor.userId)]);
  if (!following) {
    await unfollowPost(db, postId, actor.userId);
    await changed();
    return { postId, following: false as const, reason: null };
  }
  const row = await followPost(db, { postId, userId: actor.userId, workspaceId: post.workspaceId }, new Date());
  await changed();
  return { postId, following: true as const, reason: row?.reason ?? "MANUAL" };
}

/** Background: what a new post means for the Inbox (its author and the people it mentions follow it). */
export async function recordNewPost(workspaceId: string, postId: string) {
  const followers = await recordPostActivity(await getDb(), postId);
  await forgetComputed([activityScope(workspaceId)]); // the Inbox counts it feeds
  return { followers };
}

/** Background: what a new comment means for the Inbox (activity for the others; its author and mentions follow). */
export async function recordNewComment(workspaceId: string, commentId: string) {
  await recordCommentActivity(await getDb(), commentId);
  await forgetComputed([activityScope(workspaceId)]);
  return { recorded: true };
}
