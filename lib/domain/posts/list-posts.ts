import { getDb } from "@/lib/data/db/client";
import { listChannelPage } from "@/lib/data/posts";
import { notFound } from "@/lib/errors";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { decodeCursor, paginate } from "../pagination";
import { canViewChannel } from "../policy";
import { presentPost } from "./present";

/** A channel's posts, newest first: the channel, the reader's membership and the page in one statement. */
export async function listPosts(actor: Actor, workspaceId: string, channelId: string, page: PageQuery) {
  const after = decodeCursor(page.cursor);
  const read = await listChannelPage(await getDb(), {
    workspaceId,
    channelId,
    userId: actor.userId,
    limit: page.limit + 1,
    after,
  });
  // The same decision getChannelOrThrow makes, from the same facts: hidden and missing channels are both 404.
  if (!read.channel || !canViewChannel(actor, read.channel)) throw notFound("Channel");
  const result = await paginate(page.limit, () => Promise.resolve(read.posts));
  return { items: result.items.map(presentPost), nextCursor: result.nextCursor };
}
