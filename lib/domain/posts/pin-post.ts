// Pins: a channel's noticeboard. Whoever may post in the channel may pin or unpin (lib/domain/policy.ts
// canPinInChannel); pinned posts show at the top of the channel, the most recently pinned first.
import { getDb } from "@/lib/data/db/client";
import { transaction } from "@/lib/data/db/transaction";
import { listPinnedPosts, findPost } from "@/lib/data/posts";
import { countPinned, setPostPinned } from "@/lib/data/reactions";
import { AppError, forbidden } from "@/lib/errors";
import type { Actor } from "../actor";
import { getCachedChannelOrThrow } from "../channels/get-channel";
import { canPinInChannel } from "../policy";
import { getPostWithChannelOrThrow } from "./get-post";
import { presentPost } from "./present";

export const MAX_PINS_PER_CHANNEL = 25;

export async function setPinned(actor: Actor, workspaceId: string, postId: string, pinned: boolean) {
  const db = await getDb();
  return transaction(db, async (tx) => {
    const { post, channel } = await getPostWithChannelOrThrow(actor, workspaceId, postId, tx);
    if (!canPinInChannel(actor, channel))
      throw channel.archivedAt
        ? new AppError("CONFLICT", "This channel is archived: its posts are read-only")
        : forbidden("Only people who may post in this channel can pin its posts");
    if (pinned === (post.pinnedAt !== null)) return presentPost(post);
    if (pinned && (await countPinned(tx, post.channelId)) >= MAX_PINS_PER_CHANNEL)
      throw new AppError(
        "CONFLICT",
        `A channel can have at most ${MAX_PINS_PER_CHANNEL} pinned posts: unpin one first`,
      );
    await setPostPinned(tx, postId, pinned ? actor.userId : null);
    const saved = await findPost(tx, postId);
    if (!saved) throw new Error(`setPinned: post ${postId} vanished inside its transaction`);
    return presentPost(saved);
  });
}

export async function listPinned(actor: Actor, workspaceId: string, channelId: string) {
  await getCachedChannelOrThrow(actor, workspaceId, channelId);
  return (await listPinnedPosts(await getDb(), channelId, MAX_PINS_PER_CHANNEL)).map(presentPost);
}
