import { z } from "zod";
import { scopes } from "./enums";
import { checkboxList, dateOut, id, inWorkspace, nullableDateOut, text } from "./common";

export const scopeSchema = z.enum(scopes).meta({ id: "Scope" });
export const tokenParams = z.strictObject({ workspaceId: id, tokenId: id });

export const createTokenInput = z
  .strictObject({
    name: text().trim().min(1, "is required").max(80),
    scopes: z.array(scopeSchema).min(1, "choose at least one scope").max(scopes.length),
    // A number, or its digits as a string (HTML forms send strings); z.coerce alone would also take `true` or `[5]`.
    expiresInDays: z
      .union([
        z.number(),
        z
          .string()
          .trim()
          .regex(/^\d{1,6}$/, "must be a whole number of days")
          .transform(Number),
      ])
      .pipe(z.number().int().min(1).max(365))
      .optional()
      .meta({ description: "Omit for a token that does not expire." }),
  })
  .meta({ id: "CreateTokenInput" });
export type CreateTokenInput = z.infer<typeof createTokenInput>;

export const tokenResponse = z
  .object({
    id,
    name: z.string(),
    prefix: z.string(),
    scopes: z.array(z.string()),
    expiresAt: nullableDateOut,
    lastUsedAt: nullableDateOut,
    revokedAt: nullableDateOut,
    createdAt: dateOut,
  })
  .meta({ id: "ApiToken" });
export const tokenListResponse = z.array(tokenResponse);
export const createdTokenResponse = tokenResponse
  .extend({ token: z.string().meta({ description: "The secret. Shown once; store it now." }) })
  .meta({ id: "CreatedApiToken" });

// ---- Web forms ----

export const createTokenForm = z.strictObject({
  ...inWorkspace,
  name: createTokenInput.shape.name,
  scopes: checkboxList(scopeSchema).pipe(z.array(scopeSchema).min(1, "choose at least one scope")),
  // "Never" is an empty option: no expiry.
  expiresInDays: z.preprocess((v) => (v === "" ? undefined : v), createTokenInput.shape.expiresInDays),
});
export const tokenRefForm = z.strictObject({ ...inWorkspace, tokenId: id });
