// FILES_ENCRYPTION_KEY, or — in the embedded mode — a random key generated once into .data/files-key.
import "server-only";
import path from "node:path";
import { decodeKey, env } from "@/lib/env";
import { keyFromFile } from "../keys";

let cached: Buffer | undefined;

export function filesKey(file = path.resolve(".data/files-key")): Buffer {
  if (cached) return cached;
  cached = env.FILES_ENCRYPTION_KEY ? decodeKey(env.FILES_ENCRYPTION_KEY)! : keyFromFile(file);
  return cached;
}
