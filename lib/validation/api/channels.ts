import { z } from "zod";
import { pageQuery, workspaceParams } from "../common";
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
import {
  catchUpResponse,
  channelMembershipResponse,
  channelReadResponse,
  updateChannelMembershipInput,
} from "../notifications";

export const listChannelsContract = contract({
  operationId: "listChannels",
  method: "GET",
  path: "/workspaces/{workspaceId}/channels",
  tag: "Channels",
  summary: "List the channels you can see (active first, then archived; by name), each with your unread count",
  auth: { scope: "channels:read" },
  params: workspaceParams,
  query: pageQuery,
  response: channelListResponse,
  paginated: true,
  status: 200,
  // Cold: authentication, the channel list, then the reader's counts (unread and mentions, the Inbox); warm: none of
  // the last three (lib/domain/channels/list-channels.ts caches both).
  maxStatements: 5,
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

export const getChannelMembershipContract = contract({
  operationId: "getChannelMembership",
  method: "GET",
  path: "/workspaces/{workspaceId}/channels/{channelId}/membership",
  tag: "Channels",
  summary: "Read your membership of a channel: notification level, last read (404 when you do not follow it)",
  auth: { scope: "channels:read" },
  params: channelParams,
  response: channelMembershipResponse,
  status: 200,
  maxStatements: 3,
});

export const updateChannelMembershipContract = contract({
  operationId: "updateChannelMembership",
  method: "PUT",
  path: "/workspaces/{workspaceId}/channels/{channelId}/membership",
  tag: "Channels",
  summary: "Set your notification level in a channel you follow (join it first: 409 otherwise)",
  auth: { scope: "channels:write" },
  params: channelParams,
  body: updateChannelMembershipInput,
  response: channelMembershipResponse,
  status: 200,
  maxStatements: 3,
  errors: ["CONFLICT"],
});

export const markChannelReadContract = contract({
  operationId: "markChannelRead",
  method: "POST",
  path: "/workspaces/{workspaceId}/channels/{channelId}/read",
  tag: "Catch up",
  summary: "Mark a channel read up to now: its posts leave Catch up and the digest. Reading needs only `posts:read`",
  auth: { scope: "posts:read" },
  params: channelParams,
  response: channelReadResponse,
  status: 200,
  maxStatements: 3,
});

export const catchUpContract = contract({
  operationId: "catchUp",
  method: "GET",
  path: "/workspaces/{workspaceId}/catch-up",
  tag: "Catch up",
  summary:
    "Unread posts by others in the channels you follow, by channel (the Catch up page; at most 100, newest first)",
  auth: { scope: "posts:read" },
  params: workspaceParams,
  response: catchUpResponse,
  status: 200,
  // Followed channels with their workspace (3: Prisma reads each relation apart), the posts with their authors (2).
  maxStatements: 6,
});
