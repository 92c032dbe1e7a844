import { workspaceParams } from "../common";
import { contract } from "../contract";
import { searchListResponse, searchQuery } from "../search";

export const searchContract = contract({
  operationId: "search",
  method: "GET",
  path: "/workspaces/{workspaceId}/search",
  tag: "Search",
  summary: "Search posts and comments in the channels you can read",
  auth: { scope: "posts:read" },
  params: workspaceParams,
  query: searchQuery,
  response: searchListResponse,
  paginated: true,
  status: 200,
  maxStatements: 2,
});
