// Two-step sign-in and passkeys: the forms and API inputs.
import { z } from "zod";
import { nextPath } from "./users";

/** A 6-digit app code or a recovery code (`abcde-fghij-klmno`); spaces are allowed, as people type them. */
export const mfaCode = z.string().trim().min(6, "enter the 6-digit code").max(40);

export const secondFactorForm = z.strictObject({ code: mfaCode, next: nextPath });
export const mfaCodeForm = z.strictObject({ code: mfaCode });

/** Owners turn the workspace's MFA requirement on or off (PATCH /workspaces/:id and the settings form). */
export const updateWorkspaceSecurityInput = z.strictObject({ requireMfa: z.boolean() });
export const workspaceSecurityForm = z.strictObject({
  workspaceId: z.string().min(1).max(64),
  requireMfa: z.enum(["on", "off"]).transform((v) => v === "on"),
});
