// The email that follows a change to the ways of signing in (sent from the outbox, never inside the request).
import { getDb } from "@/lib/data/db/client";
import { findUserById } from "@/lib/data/users";
import type { EventData } from "@/lib/validation/events";
import { appLink, sendEmail } from "../mail/send-email";

const sentences: Record<EventData<"user/security-changed">["change"], string> = {
  "mfa-enabled": "Two-step sign-in was turned on",
  "mfa-disabled": "Two-step sign-in was turned off",
  "passkey-added": "A passkey was added",
  "passkey-removed": "A passkey was removed",
};

export async function sendSecurityNotice(data: EventData<"user/security-changed">, idempotencyKey: string) {
  const user = await findUserById(await getDb(), data.userId);
  if (!user) return { sent: false as const, reason: "no such user" };
  const props = { name: user.name, what: sentences[data.change], settingsUrl: appLink("/settings/security") };
  const result = await sendEmail("security-notice", props, { email: user.email, idempotencyKey });
  return { sent: true as const, duplicate: result.duplicate };
}
