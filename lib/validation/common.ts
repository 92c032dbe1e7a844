// Shared pieces of the schemas: ids, cursors, pagination, error envelope.
import { z } from "zod";

/** Free text the database stores. Postgres text cannot hold U+0000: a NUL is refused here, a 422 naming the field,
 *  rather than by the insert, a 500. */
export const text = () =>
  z.string().refine((s) => !s.includes("\u0000"), "must not contain the NUL character (\\u0000)");

export const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, "must be an id")
  .meta({ example: "cm3x0k2ab0000qz8h1v2c3d4e" });

export const cursor = z
  .string()
  .max(1500)
  .regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by a previous page")
  .meta({ description: "Opaque cursor from the previous page's `nextCursor`." });

export const pageQuery = z.strictObject({
  cursor: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type PageQuery = z.infer<typeof pageQuery>;

export const isoDate = z.iso.datetime().meta({ example: "2026-11-24T09:30:00.000Z" });

/** Dates leave the API as ISO strings. */
export const dateOut = z
  .date()
  .transform((d) => d.toISOString())
  .meta({ override: { type: "string", format: "date-time" } });
export const nullableDateOut = dateOut.nullable();

export const errorEnvelope = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "VALIDATION_FAILED" }),
      message: z.string(),
      details: z.unknown().optional(),
      docs: z.url().meta({
        description: "This code's explanation on the API reference page",
        example: "https://tidings.example/docs/api#error-validation_failed",
      }),
    }),
  })
  .meta({ id: "Error" });

export const userSummary = z
  .object({ id: z.string(), name: z.string(), handle: z.string() })
  .meta({ id: "UserSummary" });

export const workspaceParams = z.strictObject({ workspaceId: id });

// Web forms (lib/validation/<resource>.ts, next to each resource's API schemas): the same field rules, plus the ids
// a page carries in hidden fields and the coercions HTML forms need.
export const inWorkspace = { workspaceId: id };
export const inChannel = { workspaceId: id, channelId: id };
export const onPost = { workspaceId: id, postId: id };

/** One checked box arrives as a string, several as an array, none as nothing. */
export const checkboxList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(item));

/** An emailed link's token, carried by the page that landed on it. */
export const linkToken = z.string().trim().min(1, "is missing").max(200);
