import { getDb } from "@/lib/data/db/client";
import { listPostComments } from "@/lib/data/comments";
import type { PageQuery } from "@/lib/validation/common";
import type { Actor } from "../actor";
import { decodeCursor, paginate } from "../pagination";
import { getPostWithChannelOrThrow } from "../posts/get-post";

/** A post's comments, oldest first. */
export async function listComments(actor: Actor, workspaceId: string, postId: string, page: PageQuery) {
  const db = await getDb();
  await getPostWithChannelOrThrow(actor, workspaceId, postId, db);
  const after = decodeCursor(page.cursor);
  return paginate(page.limit, (take) => listPostComments(db, postId, take, after));
}
