import { z } from "zod";
import { id, onPost, userSummary } from "./common";

// One emoji as people type or pick it: a single RGI emoji (flags, skin tones and ZWJ sequences included).
const oneEmoji = new RegExp("^\\p{RGI_Emoji}$", "v");

export const emoji = z
  .string()
  .trim()
  .min(1, "is required")
  .max(32, "must be one emoji")
  .refine((v) => oneEmoji.test(v), "must be one emoji")
  .meta({ example: "👍" });

/** The emoji offered with one click; any other emoji can be typed or picked. */
export const defaultReactions = ["👍", "❤️", "😄", "🎉", "👀", "🙏"] as const;

export const setReactionInput = z.strictObject({
  emoji,
  /** React to this comment of the post instead of the post itself. */
  commentId: id.optional(),
  /** true adds your reaction (again: no change), false removes it (when absent: no change). */
  reacted: z.boolean(),
});
export type SetReactionInput = z.infer<typeof setReactionInput>;

export const reactionResponse = z
  .object({
    /** null for a reaction on the post itself. */
    commentId: id.nullable(),
    emoji: z.string(),
    count: z.number().int(),
    reactedByMe: z.boolean(),
    /** Who reacted, first to last (the first 50). */
    people: z.array(userSummary),
  })
  .meta({ id: "Reaction" });
export const reactionListResponse = z.array(reactionResponse);

export const setPinInput = z.strictObject({ pinned: z.boolean() });

// ---- Web forms ----
export const reactionForm = z.strictObject({
  ...onPost,
  emoji,
  commentId: z.preprocess((v) => (v === "" ? undefined : v), id.optional()),
  reacted: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const pinForm = z.strictObject({
  ...onPost,
  pinned: z.enum(["true", "false"]).transform((v) => v === "true"),
});
