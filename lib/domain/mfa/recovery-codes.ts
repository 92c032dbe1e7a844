// Recovery codes: ten one-use codes shown once. `abcde-fghij-klmno`: the first group finds the row, argon2 checks the
// rest, so a sign-in verifies one hash and the database never holds a usable code.
import { randomInt } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

export const RECOVERY_CODE_COUNT = 10;
const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: codes are read off paper
const argon = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

function group(length: number): string {
  return Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join("");
}

export function newRecoveryCode(): string {
  return [group(5), group(5), group(5)].join("-");
}

/** Lowercase, spaces dropped: what a person types from paper. */
export function parseRecoveryCode(raw: string): { lookup: string; secret: string } | null {
  const code = raw.trim().toLowerCase().replace(/\s+/g, "");
  const match = /^([a-z0-9]{5})-([a-z0-9]{5}-[a-z0-9]{5})$/.exec(code);
  return match?.[1] && match[2] ? { lookup: match[1], secret: match[2] } : null;
}

export async function hashRecoveryCodes(codes: string[]) {
  return Promise.all(
    codes.map(async (code) => {
      const parsed = parseRecoveryCode(code);
      if (!parsed) throw new Error("malformed recovery code");
      return { lookup: parsed.lookup, codeHash: await hash(parsed.secret, argon) };
    }),
  );
}

export async function recoveryCodeMatches(codeHash: string, secret: string) {
  try {
    return await verify(codeHash, secret);
  } catch {
    return false;
  }
}
