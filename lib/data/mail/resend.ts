// Managed transport: Resend. The SDK *returns* network and HTTP errors; they are thrown here so the step retries.
// Duplicates are stopped twice: our MailMessage row (forever) and Resend's Idempotency-Key (24 h, covers a crash
// between Resend accepting the message and the row being written).
import "server-only";
import { Resend } from "resend";
import { env } from "@/lib/env";
import { getDb } from "../db/client";
import { findMailByKey, recordMail } from "./messages";
import type { MailTransport } from "./transport";

export class MailSendError extends Error {
  constructor(
    message: string,
    readonly statusCode: number | null,
    readonly code: string,
  ) {
    super(message);
    this.name = "MailSendError";
  }
}

export function createResendTransport(options: {
  apiKey: string;
  from: string;
  baseUrl?: string;
  timeoutMs?: number;
}): MailTransport {
  const resend = new Resend(options.apiKey, { baseUrl: options.baseUrl ?? env.RESEND_BASE_URL });
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    name: "resend",
    async send(mail) {
      const db = await getDb();
      const known = await findMailByKey(db, mail.idempotencyKey);
      if (known) return { id: known.id, duplicate: true };
      const { data, error } = await resend.emails.send(
        { from: options.from, to: mail.to, subject: mail.subject, html: mail.html, text: mail.text },
        { idempotencyKey: mail.idempotencyKey, signal: AbortSignal.timeout(timeoutMs) },
      );
      // Same key with a different body: a previous attempt's message was accepted (its link is still valid).
      const alreadyAccepted = error?.name === "invalid_idempotent_request";
      if (error && !alreadyAccepted) throw new MailSendError(`Resend: ${error.message}`, error.statusCode, error.name);
      const row = await recordMail(db, { ...mail, transport: "resend", providerId: data?.id ?? null });
      return { id: row.id, duplicate: alreadyAccepted || row.duplicate };
    },
  };
}
