import { z } from "zod";
import { pageQuery } from "../common";
import { channelParams } from "../channels";
import { commentListResponse, commentResponse, createCommentInput } from "../comments";
import { contract } from "../contract";
import { createPostInput, postListResponse, postParams, postResponse, updatePostInput } from "../posts";

export const listPostsContract = contract({
  operationId: "listPosts",
  method: "GET",
  path: "/workspaces/{workspaceId}/channels/{channelId}/posts",
  tag: "Posts",
  summary: "List a channel's posts, newest first",
  auth: { scope: "posts:read" },
  params: channelParams,
  query: pageQuery,
  response: postListResponse,
  paginated: true,
  status: 200,
  maxStatements: 2,
});

export const createPostContract = contract({
  operationId: "createPost",
  method: "POST",
  path: "/workspaces/{workspaceId}/channels/{channelId}/posts",
  tag: "Posts",
  summary: "Write a post (Markdown body)",
  auth: { scope: "posts:write" },
  params: channelParams,
  body: createPostInput,
  maxBodyBytes: 256 * 1024,
  response: postResponse,
  status: 201,
  maxStatements: 4,
  errors: ["CONFLICT"],
});

export const getPostContract = contract({
  operationId: "getPost",
  method: "GET",
  path: "/workspaces/{workspaceId}/posts/{postId}",
  tag: "Posts",
  summary: "Read a post",
  auth: { scope: "posts:read" },
  params: postParams,
  response: postResponse,
  status: 200,
  maxStatements: 3,
});

export const updatePostContract = contract({
  operationId: "updatePost",
  method: "PATCH",
  path: "/workspaces/{workspaceId}/posts/{postId}",
  tag: "Posts",
  summary: "Edit your post (marked edited)",
  auth: { scope: "posts:write" },
  params: postParams,
  body: updatePostInput,
  maxBodyBytes: 256 * 1024,
  response: postResponse,
  status: 200,
  maxStatements: 5,
  errors: ["CONFLICT"],
});

export const deletePostContract = contract({
  operationId: "deletePost",
  method: "DELETE",
  path: "/workspaces/{workspaceId}/posts/{postId}",
  tag: "Posts",
  summary: "Delete a post (yours, or any as an admin)",
  auth: { scope: "posts:write" },
  params: postParams,
  response: z.null(),
  status: 204,
  maxStatements: 8,
});

export const listCommentsContract = contract({
  operationId: "listComments",
  method: "GET",
  path: "/workspaces/{workspaceId}/posts/{postId}/comments",
  tag: "Comments",
  summary: "List a post's comments, oldest first",
  auth: { scope: "posts:read" },
  params: postParams,
  query: pageQuery,
  response: commentListResponse,
  paginated: true,
  status: 200,
  maxStatements: 5,
});

export const createCommentContract = contract({
  operationId: "createComment",
  method: "POST",
  path: "/workspaces/{workspaceId}/posts/{postId}/comments",
  tag: "Comments",
  summary: "Comment on a post",
  auth: { scope: "posts:write" },
  params: postParams,
  body: createCommentInput,
  response: commentResponse,
  status: 201,
  maxStatements: 7,
  errors: ["CONFLICT"],
});
