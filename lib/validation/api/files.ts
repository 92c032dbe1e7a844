import { z } from "zod";
import { postParams } from "../posts";
import { contract } from "../contract";
import {
  attachFilesInput,
  attachmentResponse,
  fileParams,
  fileUrlQuery,
  fileUrlResponse,
  requestUploadInput,
  uploadContentInput,
  workspaceFilesParams,
} from "../files";

const writeErrors = [
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "VALIDATION_FAILED",
] as const;

export const requestUploadContract = contract({
  operationId: "requestUpload",
  method: "POST",
  path: "/workspaces/{workspaceId}/files",
  tag: "Files",
  summary: "Announce a file (name, size, type): answers a pending file to send the bytes to",
  auth: { scope: "files:write" },
  params: workspaceFilesParams,
  body: requestUploadInput,
  response: attachmentResponse,
  status: 201,
  maxStatements: 6,
  errors: [...writeErrors],
});

export const uploadContentContract = contract({
  operationId: "uploadFileContent",
  method: "PUT",
  path: "/workspaces/{workspaceId}/files/{fileId}/content",
  tag: "Files",
  summary: "Send a requested file's bytes (base64); checked by content, then processed in the background",
  auth: { scope: "files:write" },
  params: fileParams,
  body: uploadContentInput,
  // base64 of the largest file (FILE_MAX_BYTES, default 25 MB) and the JSON around it
  maxBodyBytes: Math.ceil((25 * 1024 * 1024 * 4) / 3) + 1024,
  response: attachmentResponse,
  status: 200,
  maxStatements: 8,
  errors: [...writeErrors],
});

export const getFileContract = contract({
  operationId: "getFile",
  method: "GET",
  path: "/workspaces/{workspaceId}/files/{fileId}",
  tag: "Files",
  summary: "A file's metadata and processing state (pending, ready, rejected with the reason)",
  auth: { scope: "posts:read" },
  params: fileParams,
  response: attachmentResponse,
  status: 200,
  maxStatements: 4,
  errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND"],
});

export const getFileUrlContract = contract({
  operationId: "getFileUrl",
  method: "GET",
  path: "/workspaces/{workspaceId}/files/{fileId}/url",
  tag: "Files",
  summary: "A short-lived signed URL of a ready file, or of an image resized (bounded widths, formats, qualities)",
  auth: { scope: "posts:read" },
  params: fileParams,
  query: fileUrlQuery,
  response: fileUrlResponse,
  status: 200,
  maxStatements: 4,
  errors: ["UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "VALIDATION_FAILED"],
});

export const attachFilesContract = contract({
  operationId: "attachFiles",
  method: "POST",
  path: "/workspaces/{workspaceId}/posts/{postId}/files",
  tag: "Files",
  summary: "Attach uploaded files to a post (or to one of its comments)",
  auth: { scope: "files:write" },
  params: postParams,
  body: attachFilesInput,
  response: z.array(attachmentResponse),
  status: 200,
  maxStatements: 8,
  errors: [...writeErrors],
});
