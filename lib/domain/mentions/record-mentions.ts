import type { DbOrTx } from "@/lib/data/db/client";
import { findMentionCandidates, insertMentions, insertNotifications } from "@/lib/data/mentions";
import { allScopes, type Actor, type Role } from "../actor";
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
    .filter(
      (u) =>
        u.id !== input.authorId &&
        memberCanSeeChannel(u.id, u.memberships[0]?.role, {
          workspaceId: input.workspaceId,
          kind: input.channel.kind,
          archivedAt: input.channel.archivedAt,
          isMember: u.channelMembers.length > 0,
        }),
    )
    .map((u) => u.id);
}

/**
 * Whether someone other than the actor may see a channel now, per canViewChannel: `role` is theirs in the channel's
 * workspace (none: not a member any more). For the people a post or comment would notify.
 */
export function memberCanSeeChannel(userId: string, role: Role | undefined, channel: ChannelFacts): boolean {
  if (!role) return false;
  const asActor: Actor = { userId, via: "session", roles: { [channel.workspaceId]: role }, scopes: allScopes };
  return canViewChannel(asActor, channel);
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
