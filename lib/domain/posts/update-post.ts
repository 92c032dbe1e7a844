import { getDb } from "@/lib/data/db/client";
import { updatePost as savePost } from "@/lib/data/posts";
import { AppError } from "@/lib/errors";
import type { UpdatePostInput } from "@/lib/validation/posts";
import type { Actor } from "../actor";
import { assertCanEditPost } from "../policy";
import { getPostWithChannelOrThrow } from "./get-post";
import { presentPost } from "./present";
import { transaction } from "@/lib/data/db/transaction";
import { insertRevision } from "@/lib/data/revisions";
import { recordEvent } from "@/lib/outbox/record";

/** Authors edit their own posts; the post is marked edited and the replaced version kept in its history. */
export async function updatePost(actor: Actor, workspaceId: string, postId: string, input: UpdatePostInput) {
  const db = await getDb();
  return transaction(db, async (tx) => {
    const { post, channel } = await getPostWithChannelOrThrow(actor, workspaceId, postId, tx);
    assertCanEditPost(actor, post);
    if (channel.archivedAt) throw new AppError("CONFLICT", "This channel is archived");
    if ((input.title ?? post.title) === post.title && (input.body ?? post.body) === post.body) return presentPost(post);
    // The version this edit replaces joins the post's history.
    await insertRevision(tx, { postId, commentId: null, title: post.title, body: post.body, editorId: actor.userId });
    const saved = await savePost(tx, postId, { title: input.title, body: input.body, editedAt: new Date() });
    await recordEvent(tx, "post/updated", { workspaceId, channelId: post.channelId, postId });
    return presentPost(saved);
  });
}
