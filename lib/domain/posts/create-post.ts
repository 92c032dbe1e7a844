import { getDb } from "@/lib/data/db/client";
import { insertPost } from "@/lib/data/posts";
import type { CreatePostInput } from "@/lib/validation/posts";
import type { Actor } from "../actor";
import { getChannelOrThrow } from "../channels/get-channel";
import { recordEvent } from "@/lib/outbox/record";
import { recordMentions } from "../mentions/record-mentions";
import { assertCanPostToChannel } from "../policy";
import { presentPost } from "./present";
import { transaction } from "@/lib/data/db/transaction";

/** `fileIds`: uploads (the composer's) attached in the same transaction, so a refused file leaves no post. */
export async function createPost(
  actor: Actor,
  workspaceId: string,
  channelId: string,
  input: CreatePostInput & { fileIds?: string[] },
) {
  const db = await getDb();
  return transaction(db, async (tx) => {
    const channel = await getChannelOrThrow(actor, workspaceId, channelId, tx);
    assertCanPostToChannel(actor, channel);
    const post = await insertPost(tx, {
      workspaceId,
      channelId,
      authorId: actor.userId,
      title: input.title,
      body: input.body,
    });
    await recordMentions(tx, {
      workspaceId,
      channel,
      postId: post.id,
      commentId: null,
      authorId: actor.userId,
      text: `${input.title}\n${input.body}`,
    });
    if (input.fileIds?.length) {
      // Loaded only when needed: the files code brings sharp with it, which a plain post has no use for.
      const { attachFiles } = await import("../files/attach");
      await attachFiles(actor, workspaceId, post.id, { fileIds: input.fileIds }, tx);
    }
    await recordEvent(tx, "post/created", { workspaceId, channelId, postId: post.id, authorId: actor.userId });
    return presentPost(post);
  });
}
