// AUTH_SECRET, or — in the embedded mode only — a random secret kept in .data/ so sessions survive restarts.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { generatedOnce } from "@/lib/data/keys";
import { env } from "@/lib/env";

let cached: string | undefined;

export function authSecret(): string {
  cached ??=
    env.AUTH_SECRET ?? generatedOnce(path.resolve(".data/auth-secret"), () => randomBytes(32).toString("base64url"));
  return cached;
}
