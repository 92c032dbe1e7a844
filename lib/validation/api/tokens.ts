// API tokens: created, listed and revoked per workspace (the secret leaves once, in the create response).
import { pageQuery, workspaceParams } from "../common";
import { contract } from "../contract";
import { createdTokenResponse, createTokenInput, tokenListResponse, tokenParams, tokenResponse } from "../tokens";

export const listTokensContract = contract({
  operationId: "listTokens",
  method: "GET",
  path: "/workspaces/{workspaceId}/tokens",
  tag: "API tokens",
  summary: "List API tokens, newest first (yours; admins see all)",
  auth: { scope: "admin" },
  params: workspaceParams,
  query: pageQuery,
  response: tokenListResponse,
  paginated: true,
  status: 200,
  maxStatements: 2,
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
  maxStatements: 5,
  secretResponse: true,
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
  maxStatements: 6,
});
