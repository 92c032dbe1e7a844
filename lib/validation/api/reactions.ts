import { channelParams } from "../channels";
import { contract } from "../contract";
import { postListResponse, postParams, postResponse } from "../posts";
import { reactionListResponse, setPinInput, setReactionInput } from "../reactions";

export const listReactionsContract = contract({
  operationId: "listReactions",
  method: "GET",
  path: "/workspaces/{workspaceId}/posts/{postId}/reactions",
  tag: "Reactions",
  summary: "Reactions on a post and its comments, with who reacted",
  auth: { scope: "posts:read" },
  params: postParams,
  response: reactionListResponse,
  status: 200,
  maxStatements: 4,
});

export const setReactionContract = contract({
  operationId: "setReaction",
  method: "PUT",
  path: "/workspaces/{workspaceId}/posts/{postId}/reactions",
  tag: "Reactions",
  summary: "Add or remove your reaction on a post or one of its comments (idempotent)",
  auth: { scope: "posts:write" },
  params: postParams,
  body: setReactionInput,
  response: reactionListResponse,
  status: 200,
  maxStatements: 8,
  errors: ["CONFLICT"],
});

export const setPinContract = contract({
  operationId: "setPin",
  method: "PUT",
  path: "/workspaces/{workspaceId}/posts/{postId}/pin",
  tag: "Posts",
  summary: "Pin a post to the top of its channel, or unpin it",
  auth: { scope: "posts:write" },
  params: postParams,
  body: setPinInput,
  response: postResponse,
  status: 200,
  maxStatements: 8,
  errors: ["CONFLICT"],
});

export const listPinsContract = contract({
  operationId: "listPins",
  method: "GET",
  path: "/workspaces/{workspaceId}/channels/{channelId}/pins",
  tag: "Posts",
  summary: "A channel's pinned posts, the most recently pinned first (at most 25)",
  auth: { scope: "posts:read" },
  params: channelParams,
  response: postListResponse,
  status: 200,
  maxStatements: 3,
});
