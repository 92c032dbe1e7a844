// The mail transport: one interface, two adapters (Resend when RESEND_API_KEY is set, else the dev mailbox).
import "server-only";
import { env } from "@/lib/env";

export type OutgoingMail = {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The same key is never delivered twice, whatever the number of attempts. */
  idempotencyKey: string;
};

export type SendResult = { id: string; duplicate: boolean };

export interface MailTransport {
  readonly name: "resend" | "dev-mailbox";
  /** Throws when the message may not have been accepted, so the caller (a step) retries. */
  send(mail: OutgoingMail): Promise<SendResult>;
}

let cached: MailTransport | undefined;

export async function mailTransport(): Promise<MailTransport> {
  if (cached) return cached;
  if (env.RESEND_API_KEY) {
    const { createResendTransport } = await import("./resend");
    cached = createResendTransport({
      apiKey: env.RESEND_API_KEY,
      from: env.EMAIL_FROM,
      timeoutMs: env.RESEND_TIMEOUT_MS,
    });
  } else {
    const { devMailboxTransport } = await import("./dev-mailbox");
    cached = devMailboxTransport;
  }
  return cached;
}

/**
 * The dev mailbox is readable in the app only when no real transport is configured, and by default only on the
 * embedded database: on a server with a managed database it would hand anyone everyone's reset links.
 */
export const devMailboxEnabled = () =>
  !env.RESEND_API_KEY && (env.DEV_MAILBOX ? env.DEV_MAILBOX === "on" : !env.DATABASE_URL);
