// The relying party is this app, as APP_URL names it: passkeys are bound to its host name and origin.
import { env } from "@/lib/env";

export function relyingParty() {
  const url = new URL(env.APP_URL);
  return { rpName: "Tidings", rpID: url.hostname, origin: url.origin };
}

/** A challenge is good for five minutes: long enough to find the security key, short enough not to linger. */
export const CHALLENGE_TTL_MS = 5 * 60_000;
