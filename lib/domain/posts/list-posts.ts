import { getDb } from "@/lib/data/db/client";
import { listChannelPosts } from "@/lib/data/posts";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { getChannelOrThrow } from "../channels/get-channel";
import { decodeCursor, paginate } from "../pagination";
import { presentPost } from "./present";

/** A channel's posts, newest first. */
export async function listPosts(actor: Actor, workspaceId: string, channelId: string, page: PageQuery) {
  const db = await getDb();
  await getChannelOrThrow(actor, workspaceId, channelId, db);
  const after = decodeCursor(page.cursor);
  const result = await paginate(page.limit, (take) => listChannelPosts(db, channelId, take, after));
  return { items: result.items.map(presentPost), nextCursor: result.nextCursor };
}
