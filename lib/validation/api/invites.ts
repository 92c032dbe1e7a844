import { pageQuery, workspaceParams } from "../common";
import { contract } from "../contract";
import {
  acceptedInviteResponse,
  acceptInviteInput,
  createInviteInput,
  inviteListResponse,
  inviteParams,
  inviteResponse,
} from "../invites";

export const listInvitesContract = contract({
  operationId: "listInvites",
  method: "GET",
  path: "/workspaces/{workspaceId}/invites",
  tag: "Invites",
  summary: "List unanswered invites, newest first (admins)",
  auth: { scope: "members:read" },
  params: workspaceParams,
  query: pageQuery,
  response: inviteListResponse,
  paginated: true,
  status: 200,
  maxStatements: 2,
});

export const createInviteContract = contract({
  operationId: "createInvite",
  method: "POST",
  path: "/workspaces/{workspaceId}/invites",
  tag: "Invites",
  summary: "Invite an email address with a role; the link expires in 7 days",
  auth: { scope: "members:write" },
  params: workspaceParams,
  body: createInviteInput,
  response: inviteResponse,
  status: 201,
  maxStatements: 8,
  errors: ["CONFLICT"],
});

export const revokeInviteContract = contract({
  operationId: "revokeInvite",
  method: "DELETE",
  path: "/workspaces/{workspaceId}/invites/{inviteId}",
  tag: "Invites",
  summary: "Revoke an invite; its links stop working",
  auth: { scope: "members:write" },
  params: inviteParams,
  response: inviteResponse,
  status: 200,
  maxStatements: 8,
  errors: ["CONFLICT"],
});

export const resendInviteContract = contract({
  operationId: "resendInvite",
  method: "POST",
  path: "/workspaces/{workspaceId}/invites/{inviteId}/resend",
  tag: "Invites",
  summary: "Email a new link and extend the invite by 7 days",
  auth: { scope: "members:write" },
  params: inviteParams,
  response: inviteResponse,
  status: 200,
  maxStatements: 8,
  errors: ["CONFLICT"],
});

export const acceptInviteContract = contract({
  operationId: "acceptInvite",
  method: "POST",
  path: "/workspaces/{workspaceId}/invites/accept",
  tag: "Invites",
  summary: "Accept an invite (signed in as the invited address); accepting twice changes nothing",
  auth: { scope: "workspace:read" },
  params: workspaceParams,
  body: acceptInviteInput,
  response: acceptedInviteResponse,
  status: 200,
  maxStatements: 9,
  errors: ["GONE"],
});
