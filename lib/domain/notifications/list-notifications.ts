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

/** The actor's notifications, newest first, with the unread count (the in-app list). */
export async function listNotifications(actor: Actor, page: { limit: number; cursor?: string }) {
  const db = await getDb();
  const after = decodeCursor(page.cursor);
  const workspaces = visibleWorkspaces(actor);
  const [result, unread] = await Promise.all([
    paginate(page.limit, (take) => listRows(db, actor.userId, workspaces, take, after)),
    countUnreadNotifications(db, actor.userId, workspaces),
  ]);
  return { ...result, unread };
}

export async function markNotificationsAsRead(actor: Actor, ids: string[] | "all") {
  const { count } = await markNotificationsRead(await getDb(), actor.userId, visibleWorkspaces(actor), ids, new Date());
  return { marked: count };
}

/** One notification marked read (marking it again changes nothing); 404 when it is not the actor's. */
export async function markNotificationAsRead(actor: Actor, notificationId: string) {
  await markNotificationsAsRead(actor, [notificationId]);
  const row = await findNotification(await getDb(), actor.userId, visibleWorkspaces(actor), notificationId);
  if (!row?.readAt) throw notFound("Notification");
  return { id: row.id, read: true as const, readAt: row.readAt };
}
