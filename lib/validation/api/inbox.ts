import { pageQuery, workspaceParams } from "../common";
import { contract } from "../contract";
import { followResponse, inboxDoneResponse, inboxListResponse, setFollowInput, workspaceReadResponse } from "../inbox";
import { postParams } from "../posts";

export const listInboxContract = contract({
  operationId: "listInbox",
  method: "GET",
  path: "/workspaces/{workspaceId}/inbox",
  tag: "Inbox",
  summary:
    "Posts you follow (wrote, commented on, were mentioned in, or followed) with new activity by others, newest first",
  auth: { scope: "posts:read" },
  params: workspaceParams,
  query: pageQuery,
  response: inboxListResponse,
  paginated: true,
  status: 200,
  maxStatements: 2,
});

export const markInboxDoneContract = contract({
  operationId: "markInboxDone",
  method: "POST",
  path: "/workspaces/{workspaceId}/inbox/{postId}/done",
  tag: "Inbox",
  summary: "Done with a post: it leaves your Inbox until something newer happens on it (idempotent)",
  auth: { scope: "posts:read" },
  params: postParams,
  response: inboxDoneResponse,
  status: 200,
  maxStatements: 4,
});

export const getFollowContract = contract({
  operationId: "getFollow",
  method: "GET",
  path: "/workspaces/{workspaceId}/posts/{postId}/follow",
  tag: "Inbox",
  summary: "Whether you follow a post, and why",
  auth: { scope: "posts:read" },
  params: postParams,
  response: followResponse,
  status: 200,
  maxStatements: 4,
});

export const setFollowContract = contract({
  operationId: "setFollow",
  method: "PUT",
  path: "/workspaces/{workspaceId}/posts/{postId}/follow",
  tag: "Inbox",
  summary: "Follow a post (its new activity comes to your Inbox) or stop following it (idempotent)",
  auth: { scope: "posts:read" },
  params: postParams,
  body: setFollowInput,
  response: followResponse,
  status: 200,
  maxStatements: 5,
});

export const markWorkspaceReadContract = contract({
  operationId: "markWorkspaceRead",
  method: "POST",
  path: "/workspaces/{workspaceId}/read",
  tag: "Catch up",
  summary: "Mark every channel you follow in the workspace read up to now (Catch up and the unread counts empty)",
  auth: { scope: "posts:read" },
  params: workspaceParams,
  response: workspaceReadResponse,
  status: 200,
  maxStatements: 2,
});
