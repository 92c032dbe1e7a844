// Keys from the environment, or — in the embedded mode — random keys generated once into .data/, so a laptop install
// needs no configuration and keeps its sessions, files and sealed secrets readable across restarts.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeKey } from "@/lib/env";

/** The text in `file`, written (mode 0600) from `make()` by whichever process gets there first. */
export function generatedOnce(file: string, make: () => string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, make(), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
    return readFileSync(file, "utf8").trim();
  }
}

/** The 32-byte key in `file`, generated once. */
export function keyFromFile(file: string): Buffer {
  const key = decodeKey(generatedOnce(file, () => randomBytes(32).toString("base64")));
  if (!key) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}
