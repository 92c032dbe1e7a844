import { z } from "zod";
import { pageQuery, workspaceParams } from "../common";
import { channelParams } from "../channels";
import {
  commentListResponse,
  commentParams,
  commentResponse,
  createCommentInput,
  revisionListResponse,
} from "../comments";
import { contract } from "../contract";
import {
  createPostInput,
  deletedPostListResponse,
  postListResponse,
  postParams,
  postResponse,
  updatePostInput,
} from "../posts";

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
  maxStatements: 7,
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
  maxStatements: 9,
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

export const postHistoryContract = contract({
  operationId: "getPostHistory",
  method: "GET",
  path: "/workspaces/{workspaceId}/posts/{postId}/history",
  tag: "Posts",
  summary: "Every version of a post, oldest first, the current one last",
  auth: { scope: "posts:read" },
  params: postParams,
  response: revisionListResponse,
  status: 200,
  maxStatements: 5,
});

export const restorePostContract = contract({
  operationId: "restorePost",
  method: "POST",
  path: "/workspaces/{workspaceId}/posts/{postId}/restore",
  tag: "Posts",
  summary: "Restore a post deleted in the last 30 days (admins and owners); a live post is answered as it is",
  auth: { scope: "posts:write" },
  params: postParams,
  response: postResponse,
  status: 200,
  maxStatements: 6,
});

export const listDeletedPostsContract = contract({
  operationId: "listDeletedPosts",
  method: "GET",
  path: "/workspaces/{workspaceId}/deleted-posts",
  tag: "Posts",
  summary: "Posts deleted in the last 30 days, most recent first (admins and owners)",
  auth: { scope: "posts:read" },
  params: workspaceParams,
  query: pageQuery,
  response: deletedPostListResponse,
  paginated: true,
  status: 200,
  maxStatements: 6,
});

export const updateCommentContract = contract({
  operationId: "updateComment",
  method: "PATCH",
  path: "/workspaces/{workspaceId}/comments/{commentId}",
  tag: "Comments",
  summary: "Edit your comment (marked edited; the old version kept in its history)",
  auth: { scope: "posts:write" },
  params: commentParams,
  body: createCommentInput,
  response: commentResponse,
  status: 200,
  maxStatements: 9,
  errors: ["CONFLICT"],
});

export const deleteCommentContract = contract({
  operationId: "deleteComment",
  method: "DELETE",
  path: "/workspaces/{workspaceId}/comments/{commentId}",
  tag: "Comments",
  summary: "Delete a comment (yours, or any as an admin)",
  auth: { scope: "posts:write" },
  params: commentParams,
  response: z.null(),
  status: 204,
  maxStatements: 5,
});

export const commentHistoryContract = contract({
  operationId: "getCommentHistory",
  method: "GET",
  path: "/workspaces/{workspaceId}/comments/{commentId}/history",
  tag: "Comments",
  summary: "Every version of a comment, oldest first, the current one last",
  auth: { scope: "posts:read" },
  params: commentParams,
  response: revisionListResponse,
  status: 200,
  maxStatements: 7,
});
