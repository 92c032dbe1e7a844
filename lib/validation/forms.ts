// Web-form shapes of the API inputs: the same field rules, plus the ids a page carries in hidden fields and
// the coercions HTML forms need (checkbox lists, "true"/"false" buttons). Types come from the shared schemas.
import { z } from "zod";
import { createChannelInput, channelKind, channelName } from "./channels";
import { createCommentInput } from "./comments";
import { id, text } from "./common";
import { createPostInput } from "./posts";
import { scopeSchema, createTokenInput } from "./tokens";
import { email, password, signInInput, signUpInput, updateProfileInput } from "./users";
import { roleSchema } from "./workspaces";
import { createInviteInput } from "./invites";

/** Where to go after signing in: a path inside this app only (never `//host` or an absolute URL). */
export const nextPath = z
  .string()
  .max(500)
  .regex(/^\/(?![/\\])[^\s]*$/, "must be a path in this app")
  .optional()
  .catch(undefined);

/** An address to pre-fill a sign-up or sign-in form with (from an invite link); anything else is ignored. */
export const prefillEmail = email.optional().catch(undefined);

export const signUpForm = z.strictObject({ ...signUpInput.shape, next: nextPath });
export const signInForm = z.strictObject({ ...signInInput.shape, next: nextPath });

const inWorkspace = { workspaceId: id };
const inChannel = { workspaceId: id, channelId: id };
const onPost = { workspaceId: id, postId: id };

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

export const createPostForm = z.strictObject({ ...inChannel, ...createPostInput.shape });
export const editPostForm = z.strictObject({ ...onPost, ...createPostInput.shape });
export const postRefForm = z.strictObject(onPost);
export const createCommentForm = z.strictObject({ ...onPost, ...createCommentInput.shape });

export const changeRoleForm = z.strictObject({ ...inWorkspace, userId: id, role: roleSchema });
export const memberRefForm = z.strictObject({ ...inWorkspace, userId: id });

/** One checked box arrives as a string, several as an array, none as nothing. */
const checkboxList = <T extends z.ZodType>(item: T) =>
  z.preprocess((v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(item));

export const createTokenForm = z.strictObject({
  ...inWorkspace,
  name: createTokenInput.shape.name,
  scopes: checkboxList(scopeSchema).pipe(z.array(scopeSchema).min(1, "choose at least one scope")),
  // "Never" is an empty option: no expiry.
  expiresInDays: z.preprocess((v) => (v === "" ? undefined : v), createTokenInput.shape.expiresInDays),
});
export const tokenRefForm = z.strictObject({ ...inWorkspace, tokenId: id });

/** An emailed link's token, carried by the page that landed on it. */
const linkToken = z.string().trim().min(1, "is missing").max(200);

export const emailOnlyForm = z.strictObject({ email, next: nextPath });
export const resetPasswordForm = z.strictObject({ token: linkToken, password });
export const magicLinkSignInForm = z.strictObject({ token: linkToken, next: nextPath });
export const acceptInviteForm = z.strictObject({ token: linkToken });
export const profileForm = updateProfileInput;

export const createInviteForm = z.strictObject({ ...inWorkspace, ...createInviteInput.shape });
export const inviteRefForm = z.strictObject({ ...inWorkspace, inviteId: id });

/** "Mark read": one notification by id, or all of them. */
export const markNotificationsForm = z.strictObject({ ...inWorkspace, notificationId: id.optional() });
/** "Caught up": the channels that were on the page, comma-separated in one hidden field (new posts since then stay unread). */
export const markCaughtUpForm = z.strictObject({
  ...inWorkspace,
  channelIds: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(id).min(1, "nothing to mark").max(200),
  ),
});
export const notifyLevelForm = z.strictObject({ ...inChannel, level: z.enum(["ALL", "MENTIONS", "NOTHING"]) });
export const channelMemberForm = z.strictObject({ ...inChannel, userId: id });

/** Settings → sessions: end one of one's own sessions. */
export const sessionRefForm = z.strictObject({ sessionId: id });
