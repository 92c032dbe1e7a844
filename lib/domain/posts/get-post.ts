import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { findPost } from "@/lib/data/posts";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { getChannelOrThrow } from "../channels/get-channel";
import { presentPost } from "./present";

/** The post and its channel, if the actor can see both; deleted posts are gone for everyone. */
export async function getPostWithChannelOrThrow(actor: Actor, workspaceId: string, postId: string, db?: DbOrTx) {
  const client = db ?? (await getDb());
  const post = await findPost(client, postId);
  if (!post || post.deletedAt || post.workspaceId !== workspaceId) throw notFound("Post");
  const channel = await getChannelOrThrow(actor, workspaceId, post.channelId, client).catch(() => {
    throw notFound("Post");
  });
  return { post, channel };
}

export async function getPostOrThrow(actor: Actor, workspaceId: string, postId: string) {
  return presentPost((await getPostWithChannelOrThrow(actor, workspaceId, postId)).post);
}
