// What a webhook URL may be, checked at registration (delivery checks again, after DNS: lib/data/webhook-transport).
import { isIP } from "node:net";
import { isPublicAddress } from "@/lib/data/webhook-transport";
import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";

export const allowPrivateWebhookAddresses = () => env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES === "1";

/** 422 unless `url` is https and its host is not a private, loopback or link-local address or a local name. */
export function assertAllowedEndpointUrl(url: string, allowPrivate = allowPrivateWebhookAddresses()): void {
  const refuse = (message: string) => {
    throw new AppError("VALIDATION_FAILED", `The webhook URL is not allowed: ${message}`, [{ path: "url", message }]);
  };
  const parsed = new URL(url);
  if (parsed.username || parsed.password) refuse("it must not contain a user name or password");
  if (allowPrivate) return;
  if (parsed.protocol !== "https:") refuse("only https URLs are allowed");
  const host = parsed.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (isIP(host) && !isPublicAddress(host)) refuse(`${host} is not a public address`);
  if (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".local") || host.endsWith(".internal")) {
    refuse(`${host} is a local name`);
  }
  if (!isIP(host) && !host.includes(".")) refuse(`${host} is not a public host name`);
}
