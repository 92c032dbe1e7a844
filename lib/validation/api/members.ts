import { z } from "zod";
import { pageQuery, workspaceParams } from "../common";
import { contract } from "../contract";
import { memberListResponse, memberParams, memberResponse, updateMemberInput } from "../members";

export const listMembersContract = contract({
  operationId: "listMembers",
  method: "GET",
  path: "/workspaces/{workspaceId}/members",
  tag: "Members",
  summary: "List members and their roles, by name",
  auth: { scope: "members:read" },
  params: workspaceParams,
  query: pageQuery,
  response: memberListResponse,
  paginated: true,
  status: 200,
  maxStatements: 3,
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
  maxStatements: 9,
  errors: ["CONFLICT"],
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
  maxStatements: 13,
  errors: ["CONFLICT"],
});
