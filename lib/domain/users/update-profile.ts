import { getDb } from "@/lib/data/db/client";
import { updateUserProfile } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { UpdateMeInput } from "@/lib/validation/users";
import type { Actor } from "../actor";
import { presentMe } from "./get-me";
import { isValidTimeZone } from "./sign-up";

/**
 * Name and time zone (the daily digest goes out in the person's local morning): the settings form sends both, the
 * API (PATCH /me) either. The handle is made from the name once and does not follow it.
 */
export async function updateProfile(actor: Actor, input: UpdateMeInput) {
  if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone))
    throw new AppError(
      "VALIDATION_FAILED",
      "Invalid `timeZone`: not a known time zone (an IANA name such as Europe/Berlin)",
      [{ path: "timeZone", message: "is not a known time zone" }],
    );
  return presentMe(await updateUserProfile(await getDb(), actor.userId, input));
}
