import { getDb } from "@/lib/data/db/client";
import { activityScope, forgetComputed, notificationsScope } from "@/lib/data/cache/computed";
import { insertComment } from "@/lib/data/comments";
import type { CreateCommentInput } from "@/lib/validation/comments";
import type { Actor } from "../actor";
import { recordEvent } from "@/lib/outbox/record";
import { recordMentions } from "../mentions/record-mentions";
import { assertCanCommentInChannel } from "../policy";
import { getPostWithChannelOrThrow } from "../posts/get-post";
import { transaction } from "@/lib/data/db/transaction";

export async function createComment(
  actor: Actor,
  workspaceId: string,
  postId: string,
  input: CreateCommentInput & { fileIds?: string[] },
) {
  const db = await getDb();
  let notified: string[] = [];
  const created = await transaction(db, async (tx) => {
    const { channel } = await getPostWithChannelOrThrow(actor, workspaceId, postId, tx);
    assertCanCommentInChannel(actor, channel);
    const comment = await insertComment(tx, { postId, authorId: actor.userId, body: input.body });
    const mentioned = await recordMentions(tx, {
      workspaceId,
      channel,
      postId,
      commentId: comment.id,
      authorId: actor.userId,
      text: input.body,
    });
    notified = mentioned;
    if (input.fileIds?.length) {
      const { attachFiles } = await import("../files/attach"); // brings sharp: only when there are files
      await attachFiles(actor, workspaceId, postId, { fileIds: input.fileIds, commentId: comment.id }, tx);
    }
    await recordEvent(tx, "comment/created", {
      workspaceId,
      postId,
      commentId: comment.id,
      authorId: actor.userId,
      mentions: mentioned.length,
    });
    return comment;
  });
  // Committed: mention counts change, and the mentioned people's notifications.
  await forgetComputed([activityScope(workspaceId), ...notified.map(notificationsScope)]);
  return created;
}
