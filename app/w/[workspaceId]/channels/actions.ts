"use server";
// Channels: create, rename and describe, archive, join and leave, add and remove people, one's notification level.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  addChannelMember,
  joinChannel,
  leaveChannel,
  removeChannelMember,
} from "@/lib/domain/channels/channel-membership";
import { createChannel } from "@/lib/domain/channels/create-channel";
import { updateChannel } from "@/lib/domain/channels/update-channel";
import { setChannelNotifyLevel } from "@/lib/domain/notifications/channel-settings";
import { action } from "@/lib/http/action";
import {
  archiveChannelForm,
  channelMemberForm,
  channelRefForm,
  createChannelForm,
  editChannelForm,
} from "@/lib/validation/channels";
import { notifyLevelForm } from "@/lib/validation/notifications";

const refresh = (workspaceId: string) => revalidatePath(`/w/${workspaceId}`, "layout");

export const createChannelAction = action(createChannelForm, async ({ actor, data: { workspaceId, ...input } }) => {
  const channel = await createChannel(actor, workspaceId, input);
  refresh(workspaceId);
  redirect(`/w/${workspaceId}/c/${channel.id}`);
});

export const editChannelAction = action(
  editChannelForm,
  async ({ actor, data: { workspaceId, channelId, ...input } }) => {
    const channel = await updateChannel(actor, workspaceId, channelId, input);
    refresh(workspaceId);
    return { name: channel.name };
  },
);

export const archiveChannelAction = action(
  archiveChannelForm,
  async ({ actor, data: { workspaceId, channelId, archived } }) => {
    const channel = await updateChannel(actor, workspaceId, channelId, { archived });
    refresh(workspaceId);
    return { archived: channel.archivedAt !== null };
  },
);

export const joinChannelAction = action(channelRefForm, async ({ actor, data: { workspaceId, channelId } }) => {
  await joinChannel(actor, workspaceId, channelId);
  refresh(workspaceId);
  return { joined: true };
});

export const leaveChannelAction = action(channelRefForm, async ({ actor, data: { workspaceId, channelId } }) => {
  await leaveChannel(actor, workspaceId, channelId);
  refresh(workspaceId);
  return { joined: false };
});

export const addChannelMemberAction = action(
  channelMemberForm,
  async ({ actor, data: { workspaceId, channelId, userId } }) => {
    await addChannelMember(actor, workspaceId, channelId, userId);
    refresh(workspaceId);
    return { added: userId };
  },
);

export const removeChannelMemberAction = action(
  channelMemberForm,
  async ({ actor, data: { workspaceId, channelId, userId } }) => {
    await removeChannelMember(actor, workspaceId, channelId, userId);
    refresh(workspaceId);
    return { removed: userId };
  },
);

export const setNotifyLevelAction = action(
  notifyLevelForm,
  async ({ actor, data: { workspaceId, channelId, level } }) => {
    const result = await setChannelNotifyLevel(actor, workspaceId, channelId, level);
    refresh(workspaceId);
    return result;
  },
);
