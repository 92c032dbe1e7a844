// Standard Webhooks signing: `whsec_` secrets, and the webhook-id / webhook-timestamp / webhook-signature headers
// made by the `standardwebhooks` package. During a rotation's overlap both secrets sign (space-separated, as the
// spec allows), so receivers still holding the previous secret keep verifying.
import { randomBytes } from "node:crypto";
import { Webhook } from "standardwebhooks";

export const generateWebhookSecret = () => `whsec_${randomBytes(32).toString("base64")}`;

export function signatureHeaders(secrets: string[], msgId: string, timestamp: Date, body: string) {
  const signatures = secrets.map((secret) => new Webhook(secret).sign(msgId, timestamp, body));
  return {
    "webhook-id": msgId,
    "webhook-timestamp": String(Math.floor(timestamp.getTime() / 1000)),
    "webhook-signature": signatures.join(" "),
  };
}
