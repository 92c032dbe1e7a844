import { getDb } from "@/lib/data/db/client";
import { updateUserProfile } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { UpdateProfileInput } from "@/lib/validation/users";
import type { Actor } from "../actor";
import { isValidTimeZone } from "./sign-up";

/** Name and time zone (the daily digest goes out in the person's local morning). */
export async function updateProfile(actor: Actor, input: UpdateProfileInput) {
  if (!isValidTimeZone(input.timeZone))
    throw new AppError("VALIDATION_FAILED", "Unknown time zone", [
      { path: "timeZone", message: "is not a known time zone" },
    ]);
  return updateUserProfile(await getDb(), actor.userId, input);
}
