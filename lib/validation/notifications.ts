// Notifications, Catch up and one's own channel settings: the API's schemas and the web forms.
import { z } from "zod";
import { dateOut, id, inChannel, inWorkspace, nullableDateOut } from "./common";

export const notifyLevel = z.enum(["ALL", "MENTIONS", "NOTHING"]).meta({
  id: "NotifyLevel",
  description:
    "What a channel one follows tells one about. ALL (Everything): every new post by someone else, in-app and by " +
    "email (a post that mentions you notifies once, as the mention), mentions in-app and by email, and every unread " +
    "post in the daily digest. MENTIONS (Mentions only, the default): mentions of you, in-app and by email, and in " +
    "the digest only the unread posts that mention you (in the post or one of its comments). NOTHING: no emails and " +
    "nothing in the digest; a mention of you still appears in your in-app notifications (not emailed).",
});

/** What a notification is about: someone mentioned you, or someone posted in a channel you follow at level ALL. */
export const notificationKind = z.enum(["mention", "post"]).meta({
  id: "NotificationKind",
  description:
    "mention: someone mentioned you in a post or comment; post: someone posted in a channel whose level you set " +
    "to ALL (Everything)",
});

export const notificationParams = z.strictObject({ notificationId: id });

export const notificationResponse = z
  .object({
    id,
    kind: notificationKind,
    workspaceId: id,
    read: z.boolean(),
    readAt: nullableDateOut,
    createdAt: dateOut,
    inComment: z.boolean().meta({ description: "The mention is in a comment on the post (kind post: always false)" }),
    actor: z
      .object({ id, name: z.string(), handle: z.string() })
      .nullable()
      .meta({ description: "Who mentioned you, or wrote the post (null: an account since deleted)" }),
    post: z
      .object({ id, title: z.string(), channelId: id, channelName: z.string() })
      .nullable()
      .meta({ description: "The post (null: deleted, or in a channel you can no longer see)" }),
  })
  .meta({ id: "Notification" });
export const notificationListResponse = z.array(notificationResponse);
export const notificationListMeta = z.object({
  unread: z.number().int().meta({ description: "Unread notifications in all (a token: its) workspaces" }),
});

export const markedReadResponse = z.object({ id, read: z.literal(true), readAt: dateOut }).meta({ id: "MarkedRead" });
export const markedAllReadResponse = z.object({
  marked: z.number().int().meta({ description: "How many were unread" }),
});

export const channelMembershipResponse = z
  .object({ channelId: id, userId: id, notifyLevel, lastReadAt: nullableDateOut })
  .meta({ id: "ChannelMembership" });
export const updateChannelMembershipInput = z
  .strictObject({ notifyLevel })
  .meta({ id: "UpdateChannelMembershipInput" });

export const channelReadResponse = z.object({ channelId: id, lastReadAt: dateOut }).meta({ id: "ChannelRead" });

export const catchUpResponse = z
  .object({
    total: z.number().int().meta({ description: "Unread posts listed (at most 100, newest first)" }),
    channels: z.array(
      z.object({
        channelId: id,
        name: z.string(),
        posts: z.array(
          z.object({
            id,
            title: z.string(),
            createdAt: dateOut,
            author: z.object({ id, name: z.string(), handle: z.string() }),
          }),
        ),
      }),
    ),
  })
  .meta({ id: "CatchUp" });

/** "Mark read": one notification by id, or all of them. */
export const markNotificationsForm = z.strictObject({ ...inWorkspace, notificationId: id.optional() });
/** "Caught up": the channels that were on the page, comma-separated in one hidden field (new posts since then stay unread). */
export const markCaughtUpForm = z.strictObject({
  ...inWorkspace,
  channelIds: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(id).min(1, "nothing to mark").max(200),
  ),
});
export const notifyLevelForm = z.strictObject({ ...inChannel, level: notifyLevel });
