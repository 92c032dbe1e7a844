"use server";
// Settings → security: two-step sign-in (TOTP and recovery codes) and the workspace MFA requirement.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { disableTotp } from "@/lib/domain/mfa/disable-totp";
import { confirmTotpEnrolment, startTotpEnrolment } from "@/lib/domain/mfa/enrol-totp";
import { finishPasskeyRegistration, removePasskey, startPasskeyRegistration } from "@/lib/domain/mfa/passkeys";
import { setWorkspaceMfaRequirement } from "@/lib/domain/mfa/workspace-requirement";
import { action } from "@/lib/http/action";
import { mfaCodeForm, workspaceSecurityForm } from "@/lib/validation/mfa";
import { passkeyRefForm, registerPasskeyForm } from "@/lib/validation/passkeys";

/** A new secret and its QR code; nothing is on until a code confirms it. */
export const startTotpAction = action(z.strictObject({}), ({ actor }) => startTotpEnrolment(actor));

/**
 * The recovery codes come back once, here. No revalidatePath: re-rendering the page would swap the enrolment form
 * (which holds the codes) for the "on" state before the person saved them; the next visit shows the new state.
 */
export const confirmTotpAction = action(mfaCodeForm, ({ actor, data }) => confirmTotpEnrolment(actor, data.code));

export const disableTotpAction = action(mfaCodeForm, async ({ actor, data }) => {
  const result = await disableTotp(actor, data.code);
  revalidatePath("/settings/security");
  return result;
});

export const workspaceSecurityAction = action(workspaceSecurityForm, async ({ actor, data }) => {
  const result = await setWorkspaceMfaRequirement(actor, data.workspaceId, data.requireMfa);
  revalidatePath("/settings/security");
  return result;
});

/** The browser's navigator.credentials.create() options; the challenge is stored, to be spent once. */
export const passkeyOptionsAction = action(z.strictObject({}), ({ actor }) => startPasskeyRegistration(actor));

export const registerPasskeyAction = action(registerPasskeyForm, async ({ actor, data }) => {
  const passkey = await finishPasskeyRegistration(actor, data.response, data.name);
  revalidatePath("/settings/security");
  return { id: passkey.id, name: passkey.name };
});

export const removePasskeyAction = action(passkeyRefForm, async ({ actor, data }) => {
  const result = await removePasskey(actor, data.passkeyId);
  revalidatePath("/settings/security");
  return result;
});
