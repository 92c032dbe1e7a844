// The Inbox (posts one follows that have new activity), following a post, and "mark all read": the API's schemas and
// the web forms.
import { z } from "zod";
import { dateOut, id, inWorkspace, nullableDateOut, onPost, userSummary } from "./common";

export const followReason = z.enum(["AUTHOR", "COMMENTED", "MENTIONED", "MANUAL"]).meta({
  id: "FollowReason",
  description: "Why you follow the post: you wrote it, commented on it, were mentioned in it, or followed it by hand",
});

export const inboxItemResponse = z
  .object({
    post: z.object({ id, title: z.string(), createdAt: dateOut, author: userSummary }),
    channel: z.object({
      id,
      name: z.string(),
      kind: z.enum(["PUBLIC", "PRIVATE", "ANNOUNCEMENT"]),
      archived: z.boolean(),
    }),
    reason: followReason,
    activityAt: dateOut.meta({ description: "The newest activity by someone else (the list's order)" }),
    newComments: z.number().int().meta({ description: "Comments by others since you last marked the post done" }),
    lastComment: z
      .object({ id, author: z.object({ name: z.string(), handle: z.string() }) })
      .nullable()
      .meta({ description: "The newest comment by someone else (null: none; a mention in the post itself)" }),
  })
  .meta({ id: "InboxItem" });
export const inboxListResponse = z.array(inboxItemResponse);

export const inboxDoneResponse = z
  .object({
    postId: id,
    done: z.literal(true),
    doneAt: nullableDateOut.meta({
      description: "Activity up to this moment is done (null: the post had no activity for you yet)",
    }),
  })
  .meta({ id: "InboxDone" });

export const setFollowInput = z
  .strictObject({
    following: z.boolean().meta({ description: "true: follow the post (again: no change); false: stop following" }),
  })
  .meta({ id: "SetFollowInput" });
export const followResponse = z
  .object({ postId: id, following: z.boolean(), reason: followReason.nullable() })
  .meta({ id: "Follow" });

export const workspaceReadResponse = z
  .object({
    workspaceId: id,
    channels: z.number().int().meta({ description: "How many channels you follow were marked read" }),
    lastReadAt: dateOut,
  })
  .meta({ id: "WorkspaceRead" });

// ---- Web forms ----
export const inboxDoneForm = z.strictObject({ ...onPost });
export const followForm = z.strictObject({
  ...onPost,
  following: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const markAllReadForm = z.strictObject({ ...inWorkspace });
