// The ways a person can sign in, for settings: a password (or not), and linked provider identities.
import { getDb } from "@/lib/data/db/client";
import { findUserCredentials } from "@/lib/data/users";
import { notFound } from "@/lib/errors";
import type { Actor } from "../actor";

export async function getSignInMethods(actor: Actor) {
  const user = await findUserCredentials(await getDb(), actor.userId);
  if (!user) throw notFound("User");
  return { hasPassword: user.passwordHash !== null };
}
