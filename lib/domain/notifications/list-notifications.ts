import { cachedComputed, forgetComputed, notificationsScope } from "@/lib/data/cache/computed";
import { getDb } from "@/lib/data/db/client";
import {
  countUnreadNotifications,
  findNotification,
  listNotifications as listRows,
  markNotificationsRead,
} from "@/lib/data/notifications";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { decodeCursor, paginate } from "../pagination";

/**
 * The workspaces whose notifications the actor sees: those they belong to now (a token: its own). Mentions from a
 * workspace one has left, or that waits for two-step sign-in, are not shown.
 */
const visibleWorkspaces = (actor: Actor) => Object.keys(actor.roles);

/**
 * How many of the actor's notifications are unread (the bell on every page): cached per person and set of visible
 * workspaces, renewed when notifications are made for them (mentions, followed channels) or they read some.
 */
export async function unreadNotificationCount(actor: Actor): Promise<number> {
  const workspaces = visibleWorkspaces(actor).sort();
  return cachedComputed(notificationsScope(actor.userId), `unread:${actor.userId}:${workspaces.join(",")}`, async () =>
    countUnreadNotifications(await getDb(), actor.userId, workspaces),
  );
}

/** The actor's notifications, newest first, with the unread count (the in-app list). */
export async function listNotifications(actor: Actor, page: { limit: number; cursor?: string }) {
  const db = await getDb();
  const after = decodeCursor(page.cursor);
  const workspaces = visibleWorkspaces(actor);
  const [result, unread] = await Promise.all([
    paginate(page.limit, (take) => listRows(db, actor.userId, workspaces, take, after)),
    unreadNotificationCount(actor),
  ]);
  return { ...result, unread };
}

export async function markNotificationsAsRead(actor: Actor, ids: string[] | "all") {
  const { count } = await markNotificationsRead(await getDb(), actor.userId, visibleWorkspaces(actor), ids, new Date());
  if (count > 0) await forgetComputed([notificationsScope(actor.userId)]);
  return { marked: count };
}

/** One notification marked read (marking it again changes nothing); 404 when it is not the actor's. */
export async function markNotificationAsRead(actor: Actor, notificationId: string) {
  await markNotificationsAsRead(actor, [notificationId]);
  const row = await findNotification(await getDb(), actor.userId, visibleWorkspaces(actor), notificationId);
  if (!row?.readAt) throw notFound("Notification");
  return { id: row.id, read: true as const, readAt: row.readAt };
}
