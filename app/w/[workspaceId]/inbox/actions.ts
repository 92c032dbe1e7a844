"use server";
// The Inbox (mark a post done), following a post by hand, and "mark all read" for a workspace's channels.
import { revalidatePath } from "next/cache";
import { markInboxItemDone, setFollow } from "@/lib/domain/inbox/inbox";
import { markAllChannelsAsRead } from "@/lib/domain/notifications/channel-settings";
import { action } from "@/lib/http/action";
import { followForm, inboxDoneForm, markAllReadForm } from "@/lib/validation/inbox";

const refresh = (workspaceId: string) => revalidatePath(`/w/${workspaceId}`, "layout");

export const markInboxDoneAction = action(inboxDoneForm, async ({ actor, data: { workspaceId, postId } }) => {
  const result = await markInboxItemDone(actor, workspaceId, postId);
  refresh(workspaceId);
  return { done: result.done };
});

export const followAction = action(followForm, async ({ actor, data: { workspaceId, postId, following } }) => {
  const result = await setFollow(actor, workspaceId, postId, following);
  refresh(workspaceId);
  return { following: result.following };
});

export const markAllReadAction = action(markAllReadForm, async ({ actor, data: { workspaceId } }) => {
  const result = await markAllChannelsAsRead(actor, workspaceId);
  refresh(workspaceId);
  return { channels: result.channels };
});
