// Emoji reactions on a post or one of its comments: anyone who may read the post may react (not in an archived
// channel, which is read-only). Setting is idempotent — `reacted: true` twice is one reaction — so a retried click
// or API call never doubles a count.
import { getDb } from "@/lib/data/db/client";
import {
  addReaction,
  emojiOnTarget,
  findLiveCommentOfPost,
  removeReaction,
  summarizeReactions,
  type ReactionRow,
} from "@/lib/data/reactions";
import { transaction } from "@/lib/data/db/transaction";
import { AppError, notFound } from "@/lib/errors";
import type { SetReactionInput } from "@/lib/validation/reactions";
import type { Actor } from "../actor";
import { getPostWithChannelOrThrow } from "../posts/get-post";

/** A post or comment shows at most this many different emoji (a reaction with one already there always counts). */
export const MAX_EMOJI_PER_TARGET = 20;

export type ReactionView = ReactionRow;

export async function listReactions(actor: Actor, workspaceId: string, postId: string): Promise<ReactionView[]> {
  const db = await getDb();
  await getPostWithChannelOrThrow(actor, workspaceId, postId, db);
  return summarizeReactions(db, postId, actor.userId);
}

/** Adds or removes the actor's reaction; answers the target's reactions as they now are. */
export async function setReaction(
  actor: Actor,
  workspaceId: string,
  postId: string,
  input: SetReactionInput,
): Promise<ReactionView[]> {
  const db = await getDb();
  return transaction(db, async (tx) => {
    const { channel } = await getPostWithChannelOrThrow(actor, workspaceId, postId, tx);
    if (channel.archivedAt) throw new AppError("CONFLICT", "This channel is archived: its posts are read-only");
    const commentId = input.commentId ?? null;
    if (commentId && !(await findLiveCommentOfPost(tx, commentId, postId))) throw notFound("Comment");
    const targetId = commentId ?? postId;
    if (input.reacted) {
      const { kinds, has } = await emojiOnTarget(tx, targetId, input.emoji);
      if (!has && kinds >= MAX_EMOJI_PER_TARGET)
        throw new AppError("CONFLICT", `A post or comment can show at most ${MAX_EMOJI_PER_TARGET} different emoji`);
      await addReaction(tx, { postId, commentId, userId: actor.userId, emoji: input.emoji });
    } else {
      await removeReaction(tx, { targetId, userId: actor.userId, emoji: input.emoji });
    }
    return summarizeReactions(tx, postId, actor.userId, targetId);
  });
}
