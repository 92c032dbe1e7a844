import { getDb } from "@/lib/data/db/client";
import { activityScope, forgetComputed } from "@/lib/data/cache/computed";
import { updatePost } from "@/lib/data/posts";
import type { Actor } from "../actor";
import { assertCanDeletePost } from "../policy";
import { getPostWithChannelOrThrow } from "./get-post";
import { transaction } from "@/lib/data/db/transaction";
import { recordEvent } from "@/lib/outbox/record";
import { recordAudit } from "../audit/record-audit";

/** Soft delete: hidden at once, purged by the cleanup function after 30 days. An admin removing another's post is audited. */
export async function deletePost(actor: Actor, workspaceId: string, postId: string) {
  const db = await getDb();
  await transaction(db, async (tx) => {
    const { post } = await getPostWithChannelOrThrow(actor, workspaceId, postId, tx);
    assertCanDeletePost(actor, post);
    await updatePost(tx, postId, { deletedAt: new Date(), deletedById: actor.userId });
    await recordEvent(tx, "post/deleted", { workspaceId, channelId: post.channelId, postId });
    if (post.authorId !== actor.userId) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "post.deleted",
        target: { type: "post", id: postId },
        before: { authorId: post.authorId, channelId: post.channelId, title: post.title },
        after: null,
      });
    }
  });
  await forgetComputed([activityScope(workspaceId)]); // committed: it leaves everyone's counts
}
