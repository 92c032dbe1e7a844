"use server";
// The person's own account: profile (name, time zone), "send the verification email again", password, sessions.
import { revalidatePath } from "next/cache";
import { endMyOtherSessions, endMySession } from "@/lib/domain/sessions/sessions";
import { changePassword } from "@/lib/domain/users/change-password";
import { updateProfile } from "@/lib/domain/users/update-profile";
import { requestEmailVerification } from "@/lib/domain/users/verify-email";
import { action } from "@/lib/http/action";
import { changePasswordForm, profileForm, sessionRefForm } from "@/lib/validation/users";
import { z } from "zod";

export const updateProfileAction = action(profileForm, async ({ actor, data }) => {
  const profile = await updateProfile(actor, data);
  revalidatePath("/", "layout");
  return { name: profile.name, timeZone: profile.timeZone };
});

export const resendVerificationAction = action(z.strictObject({}), ({ actor }) => requestEmailVerification(actor));

/** Ends one of the person's sessions: that browser is signed out on its next request. */
export const endSessionAction = action(sessionRefForm, async ({ actor, data }) => {
  await endMySession(actor, data.sessionId);
  revalidatePath("/settings");
  return { ended: 1 };
});

/** "Sign out everywhere else": every session but this one. */
export const endOtherSessionsAction = action(z.strictObject({}), async ({ actor }) => {
  const ended = await endMyOtherSessions(actor);
  revalidatePath("/settings");
  return { ended };
});

/** Change (or first set) the password: this session stays, every other one ends; a security email goes out. */
export const changePasswordAction = action(changePasswordForm, async ({ actor, data }) => {
  const result = await changePassword(actor, data);
  revalidatePath("/settings");
  return result;
});
