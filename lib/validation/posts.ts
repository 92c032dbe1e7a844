import { z } from "zod";
import { dateOut, id, inChannel, nullableDateOut, onPost, text, userSummary } from "./common";
import { formFileIds } from "./files";

export const POST_BODY_MAX = 40_000;

export const postParams = z.strictObject({ workspaceId: id, postId: id });

export const createPostInput = z
  .strictObject({
    title: text().trim().min(1, "is required").max(200, "must be at most 200 characters"),
    body: text().trim().min(1, "is required").max(POST_BODY_MAX, `must be at most ${POST_BODY_MAX} characters`),
  })
  .meta({ id: "CreatePostInput" });
export type CreatePostInput = z.infer<typeof createPostInput>;

export const updatePostInput = z
  .strictObject({
    title: text().trim().min(1).max(200).optional(),
    body: text().trim().min(1).max(POST_BODY_MAX).optional(),
  })
  .refine((v) => v.title !== undefined || v.body !== undefined, "send a title, a body, or both")
  .meta({ id: "UpdatePostInput" });
export type UpdatePostInput = z.infer<typeof updatePostInput>;

export const postResponse = z
  .object({
    id,
    workspaceId: id,
    channelId: id,
    title: z.string(),
    body: z.string().meta({ description: "Markdown source. Render it as Markdown without raw HTML." }),
    author: userSummary,
    commentCount: z.number().int(),
    createdAt: dateOut,
    editedAt: nullableDateOut,
    /** Set while the post is pinned to the top of its channel. */
    pinnedAt: nullableDateOut,
  })
  .meta({ id: "Post" });
export const postListResponse = z.array(postResponse);

// ---- Web forms ----

export const createPostForm = z.strictObject({ ...inChannel, ...createPostInput.shape, fileIds: formFileIds });
export const editPostForm = z.strictObject({ ...onPost, ...createPostInput.shape });
export const postRefForm = z.strictObject(onPost);
