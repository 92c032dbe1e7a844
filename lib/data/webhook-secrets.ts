// Webhook signing secrets at rest: sealed like every secret the server reads back (lib/data/secrets/sealed.ts:
// AES-256-GCM under SECRETS_ENCRYPTION_KEY, else a key derived from AUTH_SECRET, else one generated into .data/).
import "server-only";
import { open, seal } from "./secrets/sealed";

const OWNER = "webhook-endpoint";

export const sealWebhookSecret = (secret: string) => seal("webhook-secret", OWNER, secret);
export const openWebhookSecret = (stored: string) => open("webhook-secret", OWNER, stored);
