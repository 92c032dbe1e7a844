// Security emails (password changed or added, a new sign-in method linked): sent from the outbox like every email,
// so the person hears of a change they did not make.
import { getDb } from "@/lib/data/db/client";
import { findUserById } from "@/lib/data/users";
import type { EventData } from "@/lib/validation/events";
import { appLink, sendEmail } from "../mail/send-email";

export async function sendSecurityNoticeEmail(data: EventData<"user/security-notice">, idempotencyKey: string) {
  const user = await findUserById(await getDb(), data.userId);
  if (!user) return { sent: false as const, reason: "no such user" };
  const props = {
    name: user.name,
    notice: data.notice,
    method: data.method,
    settingsUrl: appLink("/settings"),
    resetUrl: appLink("/forgot-password"),
  };
  const result = await sendEmail("security-notice", props, { email: user.email, idempotencyKey });
  return { sent: true as const, duplicate: result.duplicate };
}
