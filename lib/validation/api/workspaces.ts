import { z } from "zod";
import { pageQuery, workspaceParams } from "../common";
import { contract } from "../contract";
import { updateWorkspaceSecurityInput } from "../mfa";
import { createWorkspaceInput, workspaceListResponse, workspaceResponse } from "../workspaces";

export const listWorkspacesContract = contract({
  operationId: "listWorkspaces",
  method: "GET",
  path: "/workspaces",
  tag: "Workspaces",
  summary: "List the workspaces you belong to, by name (a token sees only its own)",
  auth: { scope: "workspace:read" },
  query: pageQuery,
  response: workspaceListResponse,
  paginated: true,
  status: 200,
  maxStatements: 3,
});

export const createWorkspaceContract = contract({
  operationId: "createWorkspace",
  method: "POST",
  path: "/workspaces",
  tag: "Workspaces",
  summary: "Create a workspace; you become its owner (sessions only)",
  auth: { scope: "admin" },
  body: createWorkspaceInput,
  response: workspaceResponse,
  status: 201,
  maxStatements: 12,
});

export const getWorkspaceContract = contract({
  operationId: "getWorkspace",
  method: "GET",
  path: "/workspaces/{workspaceId}",
  tag: "Workspaces",
  summary: "Read a workspace",
  auth: { scope: "workspace:read" },
  params: workspaceParams,
  response: workspaceResponse,
  status: 200,
  maxStatements: 2,
});

export const updateWorkspaceContract = contract({
  operationId: "updateWorkspace",
  method: "PATCH",
  path: "/workspaces/{workspaceId}",
  tag: "Workspaces",
  summary: "Change a workspace's settings: require two-step sign-in of every member (owners, sessions only)",
  auth: { scope: "admin" },
  params: workspaceParams,
  body: updateWorkspaceSecurityInput,
  response: workspaceResponse,
  status: 200,
  maxStatements: 10,
  errors: ["CONFLICT"],
});

export const openApiContract = contract({
  operationId: "getOpenApiDocument",
  method: "GET",
  path: "/openapi.json",
  tag: "Meta",
  summary: "This document",
  auth: "none",
  response: z.looseObject({ openapi: z.string() }),
  // Swagger UI, code generators and clients expect the document itself.
  unwrapped: true,
  status: 200,
  maxStatements: 1,
});
