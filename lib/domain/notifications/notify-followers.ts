// "Everything" (level ALL) in a channel: each new post notifies its followers at that level, in-app and by email.
import { getDb } from "@/lib/data/db/client";
import { cachedComputed, forgetComputed, levelsScope, notificationsScope } from "@/lib/data/cache/computed";
import {
  channelHasAllLevelMember,
  findAllLevelFollowers,
  findPostForEmail,
  insertPostNotifications,
} from "@/lib/data/notifications";
import { appLink, sendEmail } from "../mail/send-email";
import { memberCanSeeChannel } from "../mentions/record-mentions";
import { emailExcerpt } from "./email-excerpt";

/**
 * Gives each follower of the post's channel at level ALL an in-app notification of kind "post", and answers who they
 * are (each then gets an email). Not the author, not anyone who can no longer see the channel, not anyone the post
 * mentions (they got the mention); nobody when the post is deleted. Running it again adds no second notification.
 */
export async function notifyFollowers(channelId: string, postId: string): Promise<string[]> {
  // Most channels have nobody at ALL (the default is MENTIONS): the cache says so without a statement. Only a change
  // of level can add someone at ALL, and it renews the scope.
  const anyone = await cachedComputed(levelsScope(channelId), `all-level:${channelId}`, async () =>
    channelHasAllLevelMember(await getDb(), channelId),
  );
  if (!anyone) return [];
  const db = await getDb();
  const rows = await findAllLevelFollowers(db, postId);
  const first = rows[0];
  if (!first) return [];
  const channel = { workspaceId: first.workspaceId, kind: first.kind, archivedAt: first.archivedAt, isMember: true };
  const userIds = rows.filter((r) => memberCanSeeChannel(r.userId, r.role ?? undefined, channel)).map((r) => r.userId);
  await insertPostNotifications(
    db,
    { workspaceId: first.workspaceId, postId, actorId: first.authorId, userIds },
    new Date(),
  );
  await forgetComputed(userIds.map(notificationsScope));
  return userIds;
}

/**
 * Emails one follower about a new post, unless it was deleted or they left the channel or lowered their level
 * since. Once per post and person, whatever the retries.
 */
export async function sendPostEmail(postId: string, userId: string) {
  const post = await findPostForEmail(await getDb(), postId, userId);
  if (!post || post.deletedAt) return { sent: false as const, reason: "deleted" };
  if (post.notifyLevel !== "ALL") return { sent: false as const, reason: "level changed" };
  const result = await sendEmail(
    "post",
    {
      recipientName: post.recipientName,
      authorName: post.authorName,
      channelName: post.channelName,
      postTitle: post.title,
      excerpt: emailExcerpt(post.body),
      url: appLink(`/w/${post.workspaceId}/p/${post.id}`),
      settingsUrl: appLink(`/w/${post.workspaceId}/c/${post.channelId}/settings`),
    },
    { email: post.email, idempotencyKey: `post/${post.id}/${userId}` },
  );
  return { sent: true as const, duplicate: result.duplicate };
}
