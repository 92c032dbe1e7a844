import { getDb } from "@/lib/data/db/client";
import { findMentionForEmail, findMentionIdsFor } from "@/lib/data/mentions";
import { appLink, sendEmail } from "../mail/send-email";
import { emailExcerpt } from "../notifications/email-excerpt";

/** The mentions a post or comment made, each to be emailed by its own step. */
export async function listMentionsToNotify(postId: string, commentId: string | null): Promise<string[]> {
  return (await findMentionIdsFor(await getDb(), postId, commentId)).map((m) => m.id);
}

/**
 * Emails one mention, per the recipient's level in that channel: ALL and MENTIONS → email, NOTHING → none
 * (not following the channel counts as MENTIONS). Once per mention, whatever the retries.
 */
export async function sendMentionEmail(mentionId: string) {
  const mention = await findMentionForEmail(await getDb(), mentionId);
  if (!mention) return { sent: false as const, reason: "deleted" };
  if (mention.notifyLevel === "NOTHING") return { sent: false as const, reason: "notifications off" };
  if (mention.post.deletedAt || mention.comment?.deletedAt) return { sent: false as const, reason: "deleted" };
  const source = mention.comment ?? mention.post;
  const authorName = mention.comment ? mention.comment.author.name : mention.post.author.name;
  const postPath = `/w/${mention.post.workspaceId}/p/${mention.post.id}`;
  const result = await sendEmail(
    "mention",
    {
      recipientName: mention.user.name,
      authorName,
      channelName: mention.post.channel.name,
      postTitle: mention.post.title,
      excerpt: emailExcerpt(source.body),
      url: appLink(postPath + (mention.comment ? `#comment-${mention.comment.id}` : "")),
      settingsUrl: appLink(`/w/${mention.post.workspaceId}/c/${mention.post.channelId}/settings`),
    },
    { email: mention.user.email, idempotencyKey: `mention/${mention.id}` },
  );
  return { sent: true as const, duplicate: result.duplicate };
}
