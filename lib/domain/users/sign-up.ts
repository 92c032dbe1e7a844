import { getDb, isUniqueViolation } from "@/lib/data/db/client";
import { findUserByEmail, handleExists, insertUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { SignUpInput } from "@/lib/validation/users";
import { recordEvent } from "@/lib/outbox/record";
import { freeName, toNameBase } from "../names/free-name";
import { hashPassword } from "./password";

/** A @handle from the name (or the email's local part when the name has too few ASCII letters). */
function handleBase(name: string, email: string): string {
  const fromName = toNameBase(name, "", 20);
  return fromName.length >= 2 ? fromName : toNameBase(email.split("@")[0] ?? "", "", 20) || "user";
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function signUp(input: SignUpInput) {
  const db = await getDb();
  const taken = () =>
    new AppError("CONFLICT", "An account with this email already exists. Sign in instead.", [
      { path: "email", message: "already registered" },
    ]);
  if (await findUserByEmail(db, input.email)) {
    throw taken();
  }
  const passwordHash = await hashPassword(input.password);
  const timeZone = input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : "UTC";
  return db
    .$transaction(async (tx) => {
      const handle = await freeName(tx, "handle", handleBase(input.name, input.email), "", (h) => handleExists(tx, h));
      const user = await insertUser(tx, { email: input.email, name: input.name, handle, passwordHash, timeZone });
      await recordEvent(tx, "user/signed-up", { userId: user.id, email: user.email });
      return user;
    })
    .catch((error: unknown) => {
      // The same address signed up twice at the same instant: the second one loses on the unique index.
      throw isUniqueViolation(error) ? taken() : error;
    });
}
