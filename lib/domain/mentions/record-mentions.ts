import type { DbOrTx } from "@/lib/data/db/client";
import { findMentionCandidates, insertMentions, insertNotifications } from "@/lib/data/mentions";
import { allScopes, type Actor } from "../actor";
import { canViewChannel, type ChannelFacts } from "../policy";
import { parseMentions } from "./parse-mentions";

type Channel = { id: string; kind: ChannelFacts["kind"]; archivedAt: Date | null };

/**
 * Who a post or comment mentions: workspace members who can see the channel; the author never mentions themselves.
 * A read only (none when the text names no handle), so a caller may do it before inserting what mentions them.
 */
export async function findMentionRecipients(
  tx: DbOrTx,
  input: { workspaceId: string; channel: Channel; authorId: string; text: string },
): Promise<string[]> {
  const handles = parseMentions(input.text);
  if (handles.length === 0) return [];
  const candidates = await findMentionCandidates(tx, input.workspaceId, input.channel.id, handles);
  return candidates
    .filter((u) => {
      const role = u.memberships[0]?.role;
      if (!role || u.id === input.authorId) return false;
      const asActor: Actor = { userId: u.id, via: "session", roles: { [input.workspaceId]: role }, scopes: allScopes };
      return canViewChannel(asActor, {
        workspaceId: input.workspaceId,
        kind: input.channel.kind,
        archivedAt: input.channel.archivedAt,
        isMember: u.channelMembers.length > 0,
      });
    })
    .map((u) => u.id);
}

/** Stores the mentions of `recipients`, with an in-app notification each, in the caller's transaction. */
export async function storeMentions(
  tx: DbOrTx,
  recipients: string[],
  input: { workspaceId: string; postId: string; commentId: string | null; authorId: string },
): Promise<void> {
  if (recipients.length === 0) return;
  const base = { workspaceId: input.workspaceId, postId: input.postId, commentId: input.commentId };
  await insertMentions(
    tx,
    recipients.map((userId) => ({ ...base, userId })),
  );
  await insertNotifications(
    tx,
    recipients.map((userId) => ({ ...base, userId, kind: "mention", actorId: input.authorId })),
  );
}

/**
 * Stores the mentions a post or comment makes, in the caller's transaction, with an in-app notification each.
 * The emails follow from post/created and comment/created (inngest/functions/notify-mentions.ts).
 */
export async function recordMentions(
  tx: DbOrTx,
  input: {
    workspaceId: string;
    channel: Channel;
    postId: string;
    commentId: string | null;
    authorId: string;
    text: string;
  },
): Promise<string[]> {
  const recipients = await findMentionRecipients(tx, input);
  await storeMentions(tx, recipients, input);
  return recipients;
}
