import { z } from "zod";
import { dateOut, id, inChannel, inWorkspace, nullableDateOut, text } from "./common";

export const channelKind = z.enum(["PUBLIC", "PRIVATE", "ANNOUNCEMENT"]).meta({ id: "ChannelKind" });
export const channelName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "is required")
  .max(40, "must be at most 40 characters")
  .regex(/^[a-z0-9][a-z0-9-_]*$/, "may contain only letters, digits, - and _, and must start with a letter or digit");

export const channelParams = z.strictObject({ workspaceId: id, channelId: id });
export const channelMemberParams = z.strictObject({ workspaceId: id, channelId: id, userId: id });

export const createChannelInput = z
  .strictObject({
    name: channelName,
    description: text().trim().max(280).default(""),
    kind: channelKind.default("PUBLIC"),
  })
  .meta({ id: "CreateChannelInput" });
export type CreateChannelInput = z.infer<typeof createChannelInput>;

export const updateChannelInput = z
  .strictObject({
    name: channelName.optional(),
    description: text().trim().max(280).optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, "send at least one of name, description, archived")
  .meta({ id: "UpdateChannelInput" });
export type UpdateChannelInput = z.infer<typeof updateChannelInput>;

export const addChannelMemberInput = z.strictObject({ userId: id }).meta({ id: "AddChannelMemberInput" });

export const channelResponse = z
  .object({
    id,
    workspaceId: id,
    name: z.string(),
    description: z.string(),
    kind: channelKind,
    archivedAt: nullableDateOut,
    createdAt: dateOut,
    isMember: z.boolean(),
  })
  .meta({ id: "Channel" });
export const channelListResponse = z.array(
  channelResponse
    .extend({
      unreadCount: z.number().int().meta({
        description:
          "Posts by others since you last read the channel (0 in channels you do not follow, and archived ones)",
      }),
      mentionCount: z.number().int().meta({
        description: "Mentions of you (in posts or comments) since you last read the channel, by the same rule",
      }),
    })
    .meta({ id: "ChannelListItem" }),
);

// ---- Web forms ----

export const createChannelForm = z.strictObject({
  ...inWorkspace,
  ...createChannelInput.shape,
  kind: channelKind.default("PUBLIC"),
});
/** Rename and describe; an emptied description clears it. */
export const editChannelForm = z.strictObject({
  ...inChannel,
  name: channelName,
  description: text().trim().max(280, "must be at most 280 characters").default(""),
});
export const archiveChannelForm = z.strictObject({
  ...inChannel,
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const channelRefForm = z.strictObject(inChannel);
export const channelMemberForm = z.strictObject({ ...inChannel, userId: id });
