import { getDb } from "@/lib/data/db/client";
import {
  countUnreadNotifications,
  listNotifications as listRows,
  markNotificationsRead,
} from "@/lib/data/notifications";
import type { Actor } from "../actor";
import { decodeCursor, paginate } from "../pagination";

/** The actor's notifications, newest first, with the unread count (the in-app list). */
export async function listNotifications(actor: Actor, page: { limit: number; cursor?: string }) {
  const db = await getDb();
  const after = decodeCursor(page.cursor);
  const result = await paginate(page.limit, (take) => listRows(db, actor.userId, take, after));
  return { ...result, unread: await countUnreadNotifications(db, actor.userId) };
}

export async function markNotificationsAsRead(actor: Actor, ids: string[] | "all") {
  const { count } = await markNotificationsRead(await getDb(), actor.userId, ids, new Date());
  return { marked: count };
}
