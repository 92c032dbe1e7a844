// Notifications: the web forms that mark them read and set a channel's notification level.
import { z } from "zod";
import { id, inChannel, inWorkspace } from "./common";

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
export const notifyLevelForm = z.strictObject({ ...inChannel, level: z.enum(["ALL", "MENTIONS", "NOTHING"]) });
