// The browser's uploads (the UploadThing file router in lib/http): who may upload where, within which limits, before
// a byte is sent; and the upload, once stored, recorded as a PENDING attachment with its `file/uploaded` event.
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { UploadTarget } from "@/lib/validation/files";
import type { Actor } from "../actor";
import { getChannelOrThrow } from "../channels/get-channel";
import { canCommentInChannel, canPostToChannel, canViewWorkspace } from "../policy";
import { getPostWithChannelOrThrow } from "../posts/get-post";
import { formatBytes } from "./process-attachment";
import { checkDeclared, newFileKey, registerStoredUpload } from "./upload";

export { uploadProtocolConfig } from "@/lib/data/files/upload-protocol";
export { localIngest } from "@/lib/data/files/local-ingest";

type Declared = { name: string; size: number; type: string };

/** Refuses an upload the actor may not make or the limits rule out; else the store key for each file. */
export async function authorizeUpload(actor: Actor, target: UploadTarget, files: readonly Declared[]) {
  if (!canViewWorkspace(actor, target.workspaceId)) throw notFound("Workspace");
  if ("postId" in target) {
    const { channel } = await getPostWithChannelOrThrow(actor, target.workspaceId, target.postId);
    if (!canCommentInChannel(actor, channel)) throw new AppError("FORBIDDEN", "You cannot comment on this post");
  } else {
    const channel = await getChannelOrThrow(actor, target.workspaceId, target.channelId);
    if (!canPostToChannel(actor, channel)) throw new AppError("FORBIDDEN", "You cannot post in this channel");
  }
  if (files.length === 0) throw new AppError("VALIDATION_FAILED", "No file to upload");
  if (files.length > env.POST_MAX_FILES) {
    throw new AppError("VALIDATION_FAILED", `At most ${env.POST_MAX_FILES} files per post or comment`, {
      maxFiles: env.POST_MAX_FILES,
    });
  }
  for (const file of files) {
    checkDeclared(file);
    if (/^(text\/html|image\/svg)/i.test(file.type)) {
      throw new AppError("UNSUPPORTED_MEDIA_TYPE", "SVG, HTML and XML files are not accepted");
    }
  }
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > env.POST_MAX_BYTES) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `Files on one post or comment can total at most ${formatBytes(env.POST_MAX_BYTES)}`,
      { maxBytes: env.POST_MAX_BYTES },
    );
  }
  return { userId: actor.userId, workspaceId: target.workspaceId, keys: files.map(() => newFileKey()) };
}

/** An upload the ingest stored under `key` (our customId): a PENDING attachment, processed in the background. */
export async function completeUpload(
  uploader: { userId: string; workspaceId: string },
  file: { key: string; name: string; size: number; type: string },
) {
  const row = await registerStoredUpload(uploader, file);
  return { fileId: row.id, name: row.name, status: row.status };
}
