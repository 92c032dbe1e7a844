// WebAuthn responses as the browser (@simplewebauthn/browser) sends them: checked for shape here, for meaning by
// @simplewebauthn/server in lib/domain/mfa.
import { z } from "zod";
import { nextPath } from "./users";

const b64url = z
  .string()
  .regex(/^[A-Za-z0-9_-]*$/)
  .max(8_000);

export const passkeyAuthenticationResponse = z.looseObject({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal("public-key"),
  response: z.looseObject({
    clientDataJSON: b64url,
    authenticatorData: b64url,
    signature: b64url,
    userHandle: b64url.optional(),
  }),
  clientExtensionResults: z.looseObject({}),
});

export const passkeyRegistrationResponse = z.looseObject({
  id: b64url.min(1),
  rawId: b64url.min(1),
  type: z.literal("public-key"),
  response: z.looseObject({ clientDataJSON: b64url, attestationObject: b64url }),
  clientExtensionResults: z.looseObject({}),
});

export type PasskeyRegistrationResponse = z.infer<typeof passkeyRegistrationResponse>;

/** The JSON string a form posts, parsed, then checked as `schema`. */
const jsonOf = <S extends z.ZodType>(schema: S) =>
  z
    .string()
    .max(20_000)
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(schema);

export const registerPasskeyForm = z.strictObject({
  name: z.string().trim().min(1, "is required").max(60),
  response: jsonOf(passkeyRegistrationResponse),
});
export const passkeySignInForm = z.strictObject({ response: z.string().min(2).max(20_000), next: nextPath });
export const passkeyRefForm = z.strictObject({ passkeyId: z.string().min(1).max(64) });
