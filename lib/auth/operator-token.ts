// The operator's health token (HEALTH_TOKEN), sent as `Authorization: Bearer <token>`: it shows /api/health's
// details and grants nothing else (it is not an API token and names no person).
import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

const digest = (value: string) => createHash("sha256").update(value).digest();

export function hasOperatorToken(headers: Pick<Headers, "get">): boolean {
  if (!env.HEALTH_TOKEN) return false;
  const presented = /^Bearer\s+(\S+)$/i.exec(headers.get("authorization") ?? "")?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(env.HEALTH_TOKEN));
}
