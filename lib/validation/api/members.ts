import { z } from "zod";
import { workspaceParams } from "../common";
import { contract } from "../contract";
import { memberListResponse, memberParams, memberResponse, updateMemberInput } from "../members";
import { createdTokenResponse, createTokenInput, tokenListResponse, tokenParams, tokenResponse } from "../tokens";

export const listMembersContract = contract({
  operationId: "listMembers",
  method: "GET",
  path: "/workspaces/{workspaceId}/members",
  tag: "Members",
  summary: "List members and their roles",
  auth: { scope: "members:read" },
  params: workspaceParams,
  response: memberListResponse,
  status: 200,
  errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"],
});

export const updateMemberContract = contract({
  operationId: "updateMember",
  method: "PATCH",
  path: "/workspaces/{workspaceId}/members/{userId}",
  tag: "Members",
  summary: "Change a member's role (admins; owners for owner changes)",
  auth: { scope: "members:write" },
  params: memberParams,
  body: updateMemberInput,
  response: memberResponse,
  status: 200,
  errors: [
    "BAD_REQUEST",
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "NOT_FOUND",
    "CONFLICT",
    "PAYLOAD_TOO_LARGE",
    "UNSUPPORTED_MEDIA_TYPE",
    "VALIDATION_FAILED",
  ],
});

export const removeMemberContract = contract({
  operationId: "removeMember",
  method: "DELETE",
  path: "/workspaces/{workspaceId}/members/{userId}",
  tag: "Members",
  summary: "Remove a member, or leave (your own user id)",
  auth: { scope: "members:write" },
  params: memberParams,
  response: z.null(),
  status: 204,
  errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
});

export const listTokensContract = contract({
  operationId: "listTokens",
  method: "GET",
  path: "/workspaces/{workspaceId}/tokens",
  tag: "API tokens",
  summary: "List API tokens (yours; admins see all)",
  auth: { scope: "admin" },
  params: workspaceParams,
  response: tokenListResponse,
  status: 200,
  errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"],
});

export const createTokenContract = contract({
  operationId: "createToken",
  method: "POST",
  path: "/workspaces/{workspaceId}/tokens",
  tag: "API tokens",
  summary: "Create an API token; the secret is in this response only",
  auth: { scope: "admin" },
  params: workspaceParams,
  body: createTokenInput,
  response: createdTokenResponse,
  status: 201,
  errors: [
    "BAD_REQUEST",
    "UNAUTHENTICATED",
    "FORBIDDEN",
    "NOT_FOUND",
    "PAYLOAD_TOO_LARGE",
    "UNSUPPORTED_MEDIA_TYPE",
    "VALIDATION_FAILED",
  ],
});

export const revokeTokenContract = contract({
  operationId: "revokeToken",
  method: "DELETE",
  path: "/workspaces/{workspaceId}/tokens/{tokenId}",
  tag: "API tokens",
  summary: "Revoke an API token",
  auth: { scope: "admin" },
  params: tokenParams,
  response: tokenResponse,
  status: 200,
  errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"],
});
