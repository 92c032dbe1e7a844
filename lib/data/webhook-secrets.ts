// Webhook signing secrets at rest: AES-256-GCM under a key derived from AUTH_SECRET (required with a managed
// database), or in the embedded mode without one, from the local files key in .data/. Changing AUTH_SECRET makes the
// stored secrets unreadable: rotate each endpoint's secret afterwards.
import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { filesKey } from "./files/key";

const INFO = "tidings webhooks: signing secrets";
let key: Buffer | undefined;

function secretsKey(): Buffer {
  const base = env.AUTH_SECRET ? Buffer.from(env.AUTH_SECRET, "utf8") : filesKey();
  return (key ??= Buffer.from(hkdfSync("sha256", base, Buffer.alloc(0), INFO, 32)));
}

/** "v1.<nonce>.<ciphertext+tag>", base64url parts. */
export function sealWebhookSecret(secret: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secretsKey(), nonce);
  const sealed = Buffer.concat([cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `v1.${nonce.toString("base64url")}.${sealed.toString("base64url")}`;
}

export function openWebhookSecret(stored: string): string {
  const [version, nonce, sealed] = stored.split(".");
  if (version !== "v1" || !nonce || !sealed) throw new Error("not a sealed webhook secret");
  const bytes = Buffer.from(sealed, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", secretsKey(), Buffer.from(nonce, "base64url"));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString("utf8");
}
