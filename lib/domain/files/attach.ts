// Attaching uploaded files to a post or to one of its comments, within the per-post count and size limits.
import { attachToPost, findAttachments, listAttachmentsOf } from "@/lib/data/attachments";
import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { canEditPost } from "../policy";
import { getPostWithChannelOrThrow } from "../posts/get-post";
import { formatBytes } from "./process-attachment";
import { presentAttachment } from "./upload";
import { transaction } from "@/lib/data/db/transaction";

/** `tx`: attach within the caller's transaction (a post or comment created with its files, all or nothing). */
export async function attachFiles(
  actor: Actor,
  workspaceId: string,
  postId: string,
  input: { fileIds: string[]; commentId?: string },
  tx?: DbOrTx,
) {
  if (tx) return attachIn(tx, actor, workspaceId, postId, input);
  return transaction(await getDb(), (t) => attachIn(t, actor, workspaceId, postId, input));
}

async function attachIn(
  tx: DbOrTx,
  actor: Actor,
  workspaceId: string,
  postId: string,
  input: { fileIds: string[]; commentId?: string },
) {
  {
    const { post } = await getPostWithChannelOrThrow(actor, workspaceId, postId, tx);
    const commentId = input.commentId ?? null;
    if (commentId) {
      const comment = await tx.comment.findUnique({
        where: { id: commentId },
        select: { postId: true, authorId: true, deletedAt: true },
      });
      if (!comment || comment.postId !== postId || comment.deletedAt) throw notFound("Comment");
      if (comment.authorId !== actor.userId)
        throw new AppError("FORBIDDEN", "Only the comment's author can attach files to it");
    } else if (!canEditPost(actor, post)) {
      throw new AppError("FORBIDDEN", "Only the post's author can attach files to it");
    }
    const ids = [...new Set(input.fileIds)];
    const files = await findAttachments(tx, ids);
    const mine = files.filter((f) => f.workspaceId === workspaceId && f.uploaderId === actor.userId);
    if (mine.length !== ids.length) throw notFound("File");
    const taken = mine.find((f) => f.postId);
    if (taken) throw new AppError("CONFLICT", `${taken.name} is already attached`);
    const refused = mine.find((f) => f.status === "REJECTED");
    if (refused) throw new AppError("VALIDATION_FAILED", `${refused.name} was refused: ${refused.rejectReason}`);
    const unsent = mine.find((f) => !f.uploadedAt);
    if (unsent) throw new AppError("VALIDATION_FAILED", `${unsent.name}: its content was never sent`);

    const existing = await listAttachmentsOf(tx, { postId, commentId });
    const count = existing.length + mine.length;
    if (count > env.POST_MAX_FILES) {
      throw new AppError("VALIDATION_FAILED", `At most ${env.POST_MAX_FILES} files per post or comment`, {
        maxFiles: env.POST_MAX_FILES,
      });
    }
    const bytes = [...existing, ...mine].reduce((sum, f) => sum + f.size, 0);
    if (bytes > env.POST_MAX_BYTES) {
      throw new AppError(
        "PAYLOAD_TOO_LARGE",
        `Files on one post or comment can total at most ${formatBytes(env.POST_MAX_BYTES)}`,
        {
          maxBytes: env.POST_MAX_BYTES,
        },
      );
    }
    const { count: attached } = await attachToPost(tx, ids, { postId, commentId });
    if (attached !== ids.length) throw new AppError("CONFLICT", "A file was attached elsewhere meanwhile; try again");
    return (await findAttachments(tx, ids)).map(presentAttachment);
  }
}

/** The files of a post and of its comments, for whoever can see the post. */
export async function listPostFiles(actor: Actor, workspaceId: string, postId: string) {
  const db = await getDb();
  await getPostWithChannelOrThrow(actor, workspaceId, postId, db);
  return (await listAttachmentsOf(db, { postId })).map(presentAttachment);
}
