import { z } from "zod";
import { workspaceParams } from "../common";
import { contract } from "../contract";
import {
  addChannelMemberInput,
  channelListResponse,
  channelMemberParams,
  channelParams,
  channelResponse,
  createChannelInput,
  updateChannelInput,
} from "../channels";

export const listChannelsContract = contract({
  operationId: "listChannels",
  method: "GET",
  path: "/workspaces/{workspaceId}/channels",
  tag: "Channels",
  summary: "List the channels you can see",
  auth: { scope: "channels:read" },
  params: workspaceParams,
  response: channelListResponse,
  status: 200,
  maxStatements: 3,
});

export const createChannelContract = contract({
  operationId: "createChannel",
  method: "POST",
  path: "/workspaces/{workspaceId}/channels",
  tag: "Channels",
  summary: "Create a channel (private and announcement channels: admins)",
  auth: { scope: "channels:write" },
  params: workspaceParams,
  body: createChannelInput,
  response: channelResponse,
  status: 201,
  maxStatements: 8,
  errors: ["CONFLICT"],
});

export const getChannelContract = contract({
  operationId: "getChannel",
  method: "GET",
  path: "/workspaces/{workspaceId}/channels/{channelId}",
  tag: "Channels",
  summary: "Read a channel",
  auth: { scope: "channels:read" },
  params: channelParams,
  response: channelResponse,
  status: 200,
  maxStatements: 2,
});

export const updateChannelContract = contract({
  operationId: "updateChannel",
  method: "PATCH",
  path: "/workspaces/{workspaceId}/channels/{channelId}",
  tag: "Channels",
  summary: "Rename, describe, archive or unarchive a channel (admins)",
  auth: { scope: "channels:write" },
  params: channelParams,
  body: updateChannelInput,
  response: channelResponse,
  status: 200,
  maxStatements: 7,
  errors: ["CONFLICT"],
});

export const addChannelMemberContract = contract({
  operationId: "addChannelMember",
  method: "POST",
  path: "/workspaces/{workspaceId}/channels/{channelId}/members",
  tag: "Channels",
  summary: "Join a channel (your own user id) or add a workspace member to it",
  auth: { scope: "channels:write" },
  params: channelParams,
  body: addChannelMemberInput,
  response: z.object({ channelId: z.string(), userId: z.string() }),
  status: 201,
  maxStatements: 6,
  errors: ["CONFLICT"],
});

export const removeChannelMemberContract = contract({
  operationId: "removeChannelMember",
  method: "DELETE",
  path: "/workspaces/{workspaceId}/channels/{channelId}/members/{userId}",
  tag: "Channels",
  summary: "Leave a channel (your own user id) or remove someone from it",
  auth: { scope: "channels:write" },
  params: channelMemberParams,
  response: z.null(),
  status: 204,
  maxStatements: 7,
});
