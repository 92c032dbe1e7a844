import { AppError } from "@/lib/errors";
import type { Actor } from "../actor";

/** Sign-in methods are managed from a signed-in browser, never with an API token. */
export function requireSessionActor(actor: Actor): string {
  if (actor.via !== "session" || !actor.sessionId)
    throw new AppError("FORBIDDEN", "Sign-in methods are managed from a signed-in browser");
  return actor.sessionId;
}
