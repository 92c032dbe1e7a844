// The payload of each webhook event, built from the database at fan-out, and who may see it: an endpoint gets an
// event only if the person who registered it may see it now (a private channel's post never reaches an endpoint
// whose creator cannot read that channel).
import type { DbOrTx } from "@/lib/data/db/client";
import {
  findAttachmentForWebhook,
  findChannelForWebhook,
  findCommentForWebhook,
  findPostForWebhook,
  findUserSummary,
  findViewerFacts,
} from "@/lib/data/webhooks";
import type { EventData, EventName } from "@/lib/validation/events";
import type { WebhookEventType } from "@/lib/validation/webhooks";
import { allScopes, type Actor } from "../actor";
import { canViewChannel, canViewWorkspace } from "../policy";

/** The outbox events that are webhook events, and the webhook type each becomes. */
export const webhookTypeOf = {
  "post/created": "post.created",
  "post/updated": "post.updated",
  "post/deleted": "post.deleted",
  "comment/created": "comment.created",
  "workspace/member-joined": "member.joined",
  "member/left": "member.left",
  "channel/created": "channel.created",
  "file/ready": "file.ready",
} as const satisfies Partial<Record<EventName, WebhookEventType>>;
export type WebhookSourceEvent = keyof typeof webhookTypeOf;

/** Who can see the event: everyone in the workspace, or the readers of one channel, or one person (an unattached file). */
type Audience =
  | { kind: "workspace" }
  | { kind: "channel"; channelId: string; channelKind: "PUBLIC" | "PRIVATE" | "ANNOUNCEMENT" }
  | { kind: "person"; userId: string };

export type BuiltEvent = { workspaceId: string; data: Record<string, unknown>; audience: Audience };

const iso = (d: Date) => d.toISOString();

/** The event's data as its webhook payload, or null when what it is about is gone (nothing to send). */
export async function buildWebhookEvent<N extends WebhookSourceEvent>(
  db: DbOrTx,
  name: N,
  data: EventData<N>,
): Promise<BuiltEvent | null> {
  switch (name) {
    case "post/created":
    case "post/updated": {
      const { postId } = data as EventData<"post/created">;
      const post = await findPostForWebhook(db, postId);
      if (!post || post.deletedAt) return null;
      return {
        workspaceId: post.workspaceId,
        audience: { kind: "channel", channelId: post.channelId, channelKind: post.channel.kind },
        data: {
          id: post.id,
          workspaceId: post.workspaceId,
          channelId: post.channelId,
          title: post.title,
          body: post.body,
          author: post.author,
          createdAt: iso(post.createdAt),
          editedAt: post.editedAt ? iso(post.editedAt) : null,
        },
      };
    }
    case "post/deleted": {
      const { postId } = data as EventData<"post/deleted">;
      const post = await findPostForWebhook(db, postId);
      if (!post?.deletedAt) return null; // restored (or purged) since
      const deletedBy = post.deletedById ? await findUserSummary(db, post.deletedById) : null;
      return {
        workspaceId: post.workspaceId,
        audience: { kind: "channel", channelId: post.channelId, channelKind: post.channel.kind },
        data: {
          id: post.id,
          workspaceId: post.workspaceId,
          channelId: post.channelId,
          deletedAt: iso(post.deletedAt),
          deletedBy,
        },
      };
    }
    case "comment/created": {
      const { commentId } = data as EventData<"comment/created">;
      const comment = await findCommentForWebhook(db, commentId);
      if (!comment || comment.deletedAt || comment.post.deletedAt) return null;
      const { post } = comment;
      return {
        workspaceId: post.workspaceId,
        audience: { kind: "channel", channelId: post.channelId, channelKind: post.channel.kind },
        data: {
          id: comment.id,
          workspaceId: post.workspaceId,
          channelId: post.channelId,
          postId: comment.postId,
          body: comment.body,
          author: comment.author,
          createdAt: iso(comment.createdAt),
        },
      };
    }
    case "workspace/member-joined": {
      const d = data as EventData<"workspace/member-joined">;
      const user = await findUserSummary(db, d.userId);
      if (!user) return null;
      return {
        workspaceId: d.workspaceId,
        audience: { kind: "workspace" },
        data: { workspaceId: d.workspaceId, user, role: d.role },
      };
    }
    case "member/left": {
      const d = data as EventData<"member/left">;
      const user = await findUserSummary(db, d.userId);
      if (!user) return null;
      return {
        workspaceId: d.workspaceId,
        audience: { kind: "workspace" },
        data: { workspaceId: d.workspaceId, user, reason: d.reason },
      };
    }
    case "channel/created": {
      const { channelId } = data as EventData<"channel/created">;
      const channel = await findChannelForWebhook(db, channelId);
      if (!channel) return null;
      return {
        workspaceId: channel.workspaceId,
        audience: { kind: "channel", channelId: channel.id, channelKind: channel.kind },
        data: {
          id: channel.id,
          workspaceId: channel.workspaceId,
          name: channel.name,
          description: channel.description,
          kind: channel.kind,
          createdAt: iso(channel.createdAt),
        },
      };
    }
    case "file/ready": {
      const { attachmentId } = data as EventData<"file/ready">;
      const file = await findAttachmentForWebhook(db, attachmentId);
      if (!file || file.status !== "READY") return null;
      const post = file.post ?? file.comment?.post ?? null;
      if (post?.deletedAt) return null;
      return {
        workspaceId: file.workspaceId,
        // Not attached yet: only its uploader knows of it.
        audience: post
          ? { kind: "channel", channelId: post.channelId, channelKind: post.channel.kind }
          : { kind: "person", userId: file.uploaderId },
        data: {
          id: file.id,
          workspaceId: file.workspaceId,
          postId: file.postId,
          commentId: file.commentId,
          name: file.name,
          type: file.detectedType ?? "application/octet-stream",
          size: file.size,
          width: file.width,
          height: file.height,
        },
      };
    }
  }
  return null;
}

/** Whether `userId` may see the event now, decided by the same policy functions as every request. */
export async function mayReceive(db: DbOrTx, userId: string, event: BuiltEvent): Promise<boolean> {
  const { audience, workspaceId } = event;
  if (audience.kind === "person") return audience.userId === userId;
  const facts = await findViewerFacts(db, userId, workspaceId, audience.kind === "channel" ? audience.channelId : null);
  if (!facts) return false;
  const viewer: Actor = { userId, via: "session", roles: { [workspaceId]: facts.role }, scopes: allScopes };
  if (audience.kind === "workspace") return canViewWorkspace(viewer, workspaceId);
  return canViewChannel(viewer, {
    workspaceId,
    kind: audience.channelKind,
    archivedAt: null,
    isMember: facts.isChannelMember,
  });
}
