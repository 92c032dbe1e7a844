import { getDb } from "@/lib/data/db/client";
import { findUserById } from "@/lib/data/users";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

/** The profile as the app and the API show it to its owner. */
export const presentMe = (user: UserRow) => ({
  id: user.id,
  name: user.name,
  handle: user.handle,
  email: user.email,
  emailVerified: user.emailVerifiedAt !== null,
  timeZone: user.timeZone,
});

/** The signed-in person's own profile (name and handle for the app shell, the settings page, the verify banner). */
export async function getMe(actor: Actor) {
  const user = await findUserById(await getDb(), actor.userId);
  if (!user) throw notFound("User");
  return presentMe(user);
}
