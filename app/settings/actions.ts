"use server";
// The person's own account: profile (name, time zone) and "send the verification email again".
import { revalidatePath } from "next/cache";
import { updateProfile } from "@/lib/domain/users/update-profile";
import { requestEmailVerification } from "@/lib/domain/users/verify-email";
import { action } from "@/lib/http/action";
import { profileForm } from "@/lib/validation/users";
import { z } from "zod";

export const updateProfileAction = action(profileForm, async ({ actor, data }) => {
  const profile = await updateProfile(actor, data);
  revalidatePath("/", "layout");
  return { name: profile.name, timeZone: profile.timeZone };
});

export const resendVerificationAction = action(z.strictObject({}), ({ actor }) => requestEmailVerification(actor));
