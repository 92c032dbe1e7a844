// Renders a template and hands it to the configured transport. The idempotency key names the logical email
// (e.g. "verify-email/<outbox event id>"): however often a step retries, that email goes out once.
import { mailTransport, type SendResult } from "@/lib/data/mail/transport";
import { env } from "@/lib/env";
import { renderEmail, type EmailKind, type EmailProps } from "@/emails/render";

export async function sendEmail<K extends EmailKind>(
  kind: K,
  props: EmailProps[K],
  to: { email: string; idempotencyKey: string },
): Promise<SendResult> {
  const rendered = await renderEmail(kind, props);
  const transport = await mailTransport();
  return transport.send({ to: to.email, ...rendered, idempotencyKey: to.idempotencyKey });
}

/** Absolute links for emails, on APP_URL. */
export function appLink(path: string, query: Record<string, string> = {}): string {
  const url = new URL(path, env.APP_URL);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return url.toString();
}
