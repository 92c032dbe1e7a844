import { getDb } from "@/lib/data/db/client";
import { findUserByEmail } from "@/lib/data/users";
import type { SignInInput } from "@/lib/validation/users";
import { hashPassword, verifyPassword } from "./password";

// Hashing a dummy password for unknown emails keeps response times from revealing which emails exist.
let dummyHash: Promise<string> | undefined;

export async function verifyCredentials(input: SignInInput) {
  const user = await findUserByEmail(await getDb(), input.email);
  if (!user?.passwordHash) {
    dummyHash ??= hashPassword("not-a-real-password-0000");
    await verifyPassword(await dummyHash, input.password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, input.password))
    ? { id: user.id, email: user.email, name: user.name }
    : null;
}
