// Keys from the environment, or — in the embedded mode — random keys generated once into .data/ (as AUTH_SECRET is),
// so a laptop install needs no configuration and keeps its data readable across restarts.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decodeKey } from "@/lib/env";

/** The 32-byte key in `file`, created (mode 0600) by whichever process gets there first. */
export function keyFromFile(file: string): Buffer {
  const read = () => decodeKey(readFileSync(file, "utf8").trim());
  let key: Buffer | undefined;
  try {
    key = read();
  } catch {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
    key = read();
  }
  if (!key) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}
