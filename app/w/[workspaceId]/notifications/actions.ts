"use server";
// Notifications (mark read) and catch-up (mark the channels on the page as read).
import { revalidatePath } from "next/cache";
import { markChannelAsRead } from "@/lib/domain/notifications/channel-settings";
import { markNotificationsAsRead } from "@/lib/domain/notifications/list-notifications";
import { action } from "@/lib/http/action";
import { markCaughtUpForm, markNotificationsForm } from "@/lib/validation/notifications";

export const markNotificationsReadAction = action(
  markNotificationsForm,
  async ({ actor, data: { workspaceId, notificationId } }) => {
    const result = await markNotificationsAsRead(actor, notificationId ? [notificationId] : "all");
    revalidatePath(`/w/${workspaceId}`, "layout");
    return result;
  },
);

export const markCaughtUpAction = action(markCaughtUpForm, async ({ actor, data: { workspaceId, channelIds } }) => {
  for (const channelId of channelIds) await markChannelAsRead(actor, workspaceId, channelId);
  revalidatePath(`/w/${workspaceId}`, "layout");
  return { channels: channelIds.length };
});
