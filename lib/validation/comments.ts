import { z } from "zod";
import { dateOut, id, nullableDateOut, onPost, text, userSummary } from "./common";
import { formFileIds } from "./files";

export const createCommentInput = z
  .strictObject({ body: text().trim().min(1, "is required").max(10_000, "must be at most 10000 characters") })
  .meta({ id: "CreateCommentInput" });
export type CreateCommentInput = z.infer<typeof createCommentInput>;

export const commentResponse = z
  .object({ id, postId: id, body: z.string(), author: userSummary, createdAt: dateOut, editedAt: nullableDateOut })
  .meta({ id: "Comment" });
export const commentListResponse = z.array(commentResponse);

export const commentParams = z.strictObject({ workspaceId: id, commentId: id });

export const revisionResponse = z
  .object({
    id,
    /** A post's title as it was; null for a comment. */
    title: z.string().nullable(),
    body: z.string(),
    /** When this version was replaced, and who replaced it; the current version has `replacedAt: null`. */
    replacedAt: nullableDateOut,
    editor: userSummary.nullable(),
    writtenAt: dateOut,
  })
  .meta({ id: "Revision" });
export const revisionListResponse = z.array(revisionResponse);

// ---- Web forms ----

export const createCommentForm = z.strictObject({ ...onPost, ...createCommentInput.shape, fileIds: formFileIds });
export const editCommentForm = z.strictObject({ ...onPost, commentId: id, ...createCommentInput.shape });
export const commentRefForm = z.strictObject({ ...onPost, commentId: id });
