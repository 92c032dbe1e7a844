// The event catalog: one schema per event, checked when the domain records it and when a function receives it.
// No transforms here: inngest/events.ts hands these schemas to the Inngest SDK, which validates on send and receive.
import { z } from "zod";

/**
 * How many mentions the write stored with itself (mentions are only ever stored by the write that makes them), so
 * the mention emails need no lookup when there are none. Absent in events recorded before it existed: look them up.
 */
const mentionCount = z.number().int().nonnegative().optional();

export const eventSchemas = {
  "user/signed-up": z.object({ userId: z.string(), email: z.string() }),
  /** Someone signed up with an address that has an account: its owner is told (the form answers as for a new one). */
  "user/sign-up-attempted": z.object({ userId: z.string(), email: z.string() }),
  "user/verification-requested": z.object({ userId: z.string(), email: z.string() }),
  "user/password-reset-requested": z.object({ userId: z.string(), email: z.string() }),
  "user/magic-link-requested": z.object({ userId: z.string(), email: z.string() }),
  /** A change to how the person signs in (password, a provider linked, two-step sign-in, a passkey): told by email. */
  "user/security-notice": z.object({
    userId: z.string(),
    notice: z.enum([
      "password-changed",
      "password-added",
      "sign-in-method-added",
      "mfa-enabled",
      "mfa-disabled",
      "passkey-added",
      "passkey-removed",
    ]),
    /** The sign-in method's display name (e.g. "GitHub"), for sign-in-method-added. */
    method: z.string().optional(),
  }),
  "workspace/member-joined": z.object({ workspaceId: z.string(), userId: z.string(), role: z.string() }),
  "invite/created": z.object({ inviteId: z.string(), workspaceId: z.string(), email: z.string() }),
  "invite/resent": z.object({ inviteId: z.string(), workspaceId: z.string(), email: z.string() }),
  "post/created": z.object({
    workspaceId: z.string(),
    channelId: z.string(),
    postId: z.string(),
    authorId: z.string(),
    mentions: mentionCount,
  }),
  "comment/created": z.object({
    workspaceId: z.string(),
    postId: z.string(),
    commentId: z.string(),
    authorId: z.string(),
    mentions: mentionCount,
  }),
  "file/uploaded": z.object({ attachmentId: z.string(), workspaceId: z.string() }),
  "post/updated": z.object({ workspaceId: z.string(), channelId: z.string(), postId: z.string() }),
  "post/deleted": z.object({ workspaceId: z.string(), channelId: z.string(), postId: z.string() }),
  /** Someone left the workspace by themselves, or an admin removed them. */
  "member/left": z.object({ workspaceId: z.string(), userId: z.string(), reason: z.enum(["left", "removed"]) }),
  "channel/created": z.object({ workspaceId: z.string(), channelId: z.string() }),
  /** An upload was checked and settled READY. */
  "file/ready": z.object({ attachmentId: z.string(), workspaceId: z.string() }),
  /** A webhook delivery to attempt now (a redelivery, or a test event). */
  "webhook/delivery-requested": z.object({ deliveryId: z.string() }),
  /** An endpoint kept failing and was turned off: its workspace's admins are told by email. */
  "webhook/endpoint-disabled": z.object({ endpointId: z.string() }),
} as const;

export type EventName = keyof typeof eventSchemas;
export type EventData<N extends EventName> = z.infer<(typeof eventSchemas)[N]>;

export const isEventName = (name: string): name is EventName => Object.hasOwn(eventSchemas, name);
