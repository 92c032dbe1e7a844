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

// ---- Web forms ----

export const createCommentForm = z.strictObject({ ...onPost, ...createCommentInput.shape, fileIds: formFileIds });
