// FILES_ENCRYPTION_KEY, or — in the embedded mode — a random key generated once into .data/ (as AUTH_SECRET is).
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeKey, env } from "@/lib/env";

let cached: Buffer | undefined;

export function filesKey(file = path.resolve(".data/files-key")): Buffer {
  if (cached) return cached;
  if (env.FILES_ENCRYPTION_KEY) return (cached = decodeKey(env.FILES_ENCRYPTION_KEY)!);
  const read = () => decodeKey(readFileSync(file, "utf8").trim());
  try {
    cached = read();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
    cached = read();
  }
  if (!cached) throw new Error(`${file} does not hold a 32-byte key`);
  return cached;
}
