import type { DbOrTx } from "@/lib/data/db/client";
import { findMentionCandidates, insertMentions, insertNotifications } from "@/lib/data/mentions";
import { allScopes, type Actor } from "../actor";
import { canViewChannel, type ChannelFacts } from "../policy";
import { parseMentions } from "./parse-mentions";

/**
 * Stores the mentions a post or comment makes, in the caller's transaction, with an in-app notification each.
 * Only workspace members who can see the channel count; the author never mentions themselves.
 * The emails follow from post/created and comment/created (inngest/functions/notify-mentions.ts).
 */
export async function recordMentions(
  tx: DbOrTx,
  input: {
    workspaceId: string;
    channel: { id: string; kind: ChannelFacts["kind"]; archivedAt: Date | null };
    postId: string;
    commentId: string | null;
    authorId: string;
    text: string;
  },
): Promise<string[]> {
  const handles = parseMentions(input.text);
  if (handles.length === 0) return [];
  const candidates = await findMentionCandidates(tx, input.workspaceId, input.channel.id, handles);
  const recipients = candidates.filter((u) => {
    const role = u.memberships[0]?.role;
    if (!role || u.id === input.authorId) return false;
    const asActor: Actor = { userId: u.id, via: "session", roles: { [input.workspaceId]: role }, scopes: allScopes };
    return canViewChannel(asActor, {
      workspaceId: input.workspaceId,
      kind: input.channel.kind,
      archivedAt: input.channel.archivedAt,
      isMember: u.channelMembers.length > 0,
    });
  });
  if (recipients.length === 0) return [];
  const base = { workspaceId: input.workspaceId, postId: input.postId, commentId: input.commentId };
  await insertMentions(
    tx,
    recipients.map((u) => ({ ...base, userId: u.id })),
  );
  await insertNotifications(
    tx,
    recipients.map((u) => ({ ...base, userId: u.id, kind: "mention", actorId: input.authorId })),
  );
  return recipients.map((u) => u.id);
}
