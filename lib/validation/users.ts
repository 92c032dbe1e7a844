import { z } from "zod";
import { id, linkToken, text } from "./common";

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email("must be an email address"));
export const password = z.string().min(10, "must be at least 10 characters").max(200, "must be at most 200 characters");

export const signUpInput = z.strictObject({
  name: text().trim().min(1, "is required").max(80),
  email,
  password,
  timeZone: z.string().max(64).optional(),
});
export type SignUpInput = z.infer<typeof signUpInput>;

export const signInInput = z.strictObject({ email, password: z.string().min(1).max(200) });
export type SignInInput = z.infer<typeof signInInput>;

export const updateProfileInput = z.strictObject({
  name: text().trim().min(1, "is required").max(80, "must be at most 80 characters"),
  timeZone: z.string().min(1, "is required").max(64),
});
export type UpdateProfileInput = z.infer<typeof updateProfileInput>;

/** PATCH /me: the same fields as the settings form, each optional (at least one). */
export const updateMeInput = z
  .strictObject({
    name: updateProfileInput.shape.name.optional(),
    timeZone: updateProfileInput.shape.timeZone.meta({ examples: ["Europe/Berlin"] }).optional(),
  })
  .refine((v) => v.name !== undefined || v.timeZone !== undefined, "send at least one of name, timeZone")
  .meta({ id: "UpdateMeInput" });
export type UpdateMeInput = z.infer<typeof updateMeInput>;

export const meResponse = z
  .object({
    id,
    name: z.string(),
    handle: z.string(),
    email: z.string(),
    emailVerified: z.boolean(),
    timeZone: z.string().meta({ description: "IANA time zone; the daily digest goes out in its morning" }),
  })
  .meta({ id: "Me" });

// ---- Web forms ----

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
export const emailOnlyForm = z.strictObject({ email, next: nextPath });
export const resetPasswordForm = z.strictObject({ token: linkToken, password });
export const magicLinkSignInForm = z.strictObject({ token: linkToken, next: nextPath });
export const profileForm = updateProfileInput;

/** Settings → password: the current one (absent when the account has none yet) and the new one. */
export const changePasswordForm = z.strictObject({
  currentPassword: z
    .string()
    .max(200, "must be at most 200 characters")
    .optional()
    .transform((v) => v || undefined),
  password,
});
export type ChangePasswordInput = z.infer<typeof changePasswordForm>;

/** "Continue with GitHub" (sign-in, sign-up, settings' link): one of the providers next-auth runs. */
export const providerId = z.enum(["github", "google", "oidc"]);
export const providerSignInForm = z.strictObject({ provider: providerId, next: nextPath });
export const providerLinkForm = z.strictObject({ provider: providerId });
/** Settings → sign-in methods: unlink one of one's identities. */
export const identityRefForm = z.strictObject({ accountId: id });

/** Settings → sessions: end one of one's own sessions. */
export const sessionRefForm = z.strictObject({ sessionId: id });
