// Files: upload requests, content, attaching, and the bounded set of image transforms.
import { z } from "zod";
import { dateOut, id, text } from "./common";

export const transformWidths = [160, 320, 480, 640, 960, 1280, 1920] as const;
export const transformFormats = ["webp", "avif", "jpeg", "png"] as const;

export const workspaceFilesParams = z.strictObject({ workspaceId: id });
export const fileParams = z.strictObject({ workspaceId: id, fileId: id });

export const fileUrlQuery = z.strictObject({
  variant: z.enum(["original", "thumb"]).optional(),
  width: z.coerce
    .number()
    .int()
    .refine((w) => (transformWidths as readonly number[]).includes(w), {
      message: `width must be one of ${transformWidths.join(", ")}`,
    })
    .optional(),
  format: z.enum(transformFormats).optional(),
  quality: z.coerce.number().int().min(30).max(90).optional(),
  download: z
    .enum(["1", "true"])
    .transform(() => true)
    .optional(),
});
export type FileUrlQuery = z.output<typeof fileUrlQuery>;

export const requestUploadInput = z.strictObject({
  name: text()
    .trim()
    .min(1)
    .max(255)
    .meta({ examples: ["notes.txt"] }),
  size: z.number().int().min(1),
  /** The type the client believes the file has; checked against the content, never trusted. */
  type: text()
    .trim()
    .max(255)
    .optional()
    .meta({ examples: ["text/plain"] }),
});

export const uploadContentInput = z.strictObject({
  /** The file's bytes, base64. */
  data: z
    .base64()
    .min(1)
    .meta({ examples: ["aGVsbG8="] }),
});

export const attachFilesInput = z.strictObject({
  fileIds: z.array(id).min(1).max(100),
  commentId: id.optional(),
});

export const attachmentResponse = z
  .object({
    id: z.string(),
    name: z.string(),
    size: z.number().int(),
    type: z.string(),
    status: z.enum(["PENDING", "READY", "REJECTED"]),
    rejectReason: z.string().nullable(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    blurDataUrl: z.string().nullable(),
    postId: z.string().nullable(),
    commentId: z.string().nullable(),
    createdAt: dateOut,
  })
  .meta({ id: "Attachment" });

export const fileUrlResponse = z
  .object({
    url: z.string(),
    expiresAt: dateOut,
  })
  .meta({ id: "FileUrl" });

/** Where the browser's upload (the UploadThing file router) is headed: a new post in a channel, or a post's comment. */
export const uploadTarget = z.union([
  z.strictObject({ workspaceId: id, channelId: id }),
  z.strictObject({ workspaceId: id, postId: id }),
]);
export type UploadTarget = z.output<typeof uploadTarget>;

/** The composer's uploaded files: one `fileIds` field per file (FormData gives a string, or an array for several). */
export const formFileIds = z
  .union([id, z.array(id).max(100)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));
