import { getDb } from "@/lib/data/db/client";
import { activityScope, forgetComputed, notificationsScope } from "@/lib/data/cache/computed";
import { insertPost, newPostId } from "@/lib/data/posts";
import type { CreatePostInput } from "@/lib/validation/posts";
import type { Actor } from "../actor";
import { getCachedChannelOrThrow } from "../channels/get-channel";
import { outboxRow } from "@/lib/outbox/record";
import { findMentionRecipients, storeMentions } from "../mentions/record-mentions";
import { parseMentions } from "../mentions/parse-mentions";
import { assertCanPostToChannel } from "../policy";
import { presentPost } from "./present";
import { transaction } from "@/lib/data/db/transaction";

/**
 * `fileIds`: uploads (the composer's) attached in the same transaction, so a refused file leaves no post.
 * A plain post (no mention, no file) is one statement and no BEGIN/COMMIT: who may post there comes from the reader's
 * cached channel list, then the post, its author's follow and its outbox row go in one statement.
 */
export async function createPost(
  actor: Actor,
  workspaceId: string,
  channelId: string,
  input: CreatePostInput & { fileIds?: string[] },
) {
  const db = await getDb();
  const text = `${input.title}\n${input.body}`;
  const singleWrite = !input.fileIds?.length && parseMentions(text).length === 0;
  // Before the transaction: on a cold cache this reads the database, which must not wait on the transaction's hold.
  const channel = await getCachedChannelOrThrow(actor, workspaceId, channelId);
  assertCanPostToChannel(actor, channel);
  let notified: string[] = [];
  const post = await transaction(
    db,
    async (tx) => {
      const authorId = actor.userId;
      // Who is mentioned is known before the post exists, so the event can say how many emails may follow.
      const mentioned = await findMentionRecipients(tx, { workspaceId, channel, authorId, text });
      const postId = newPostId();
      const event = outboxRow("post/created", { workspaceId, channelId, postId, authorId, mentions: mentioned.length });
      const post = await insertPost(
        tx,
        { id: postId, workspaceId, channelId, authorId, title: input.title, body: input.body },
        event,
      );
      await storeMentions(tx, mentioned, { workspaceId, postId, commentId: null, authorId });
      notified = mentioned;
      if (input.fileIds?.length) {
        // Loaded only when needed: the files code brings sharp with it, which a plain post has no use for.
        const { attachFiles } = await import("../files/attach");
        await attachFiles(actor, workspaceId, post.id, { fileIds: input.fileIds }, tx);
      }
      return presentPost(post);
    },
    { singleWrite },
  );
  // Committed: the others' unread counts change, and the mentioned people's notifications.
  await forgetComputed([activityScope(workspaceId), ...notified.map(notificationsScope)]);
  return post;
}
