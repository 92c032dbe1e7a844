import { getDb, isUniqueViolation } from "@/lib/data/db/client";
import { findUserByEmail, findUserById, handleExists, insertUser } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import type { SignUpInput } from "@/lib/validation/users";
import { recordEvent } from "@/lib/outbox/record";
import { appLink, sendEmail } from "../mail/send-email";
import { freeName, toNameBase } from "../names/free-name";
import { takeRateLimit } from "../rate-limits";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import { transaction } from "@/lib/data/db/transaction";

/** A @handle from the name (or the email's local part when the name has too few ASCII letters). */
export function handleBase(name: string, email: string): string {
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

/**
 * Creates the account and emails the verification link; for an address that already has an account, creates
 * nothing and emails its owner instead. The caller answers both the same way ("check your email"), so sign-up
 * reveals no accounts; `created` is for code that needs the new user (seed, tests), never for the response.
 */
export async function signUp(input: SignUpInput) {
  await assertStrongPassword(input.password, { email: input.email, name: input.name });
  const db = await getDb();
  // Hashed in both cases, so a known address costs the same time as a new one.
  const passwordHash = await hashPassword(input.password);
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    await tellOwner(existing);
    return { email: input.email, created: null };
  }
  const timeZone = input.timeZone && isValidTimeZone(input.timeZone) ? input.timeZone : "UTC";
  const created = await transaction(db, async (tx) => {
    const handle = await freeName(tx, "handle", handleBase(input.name, input.email), "", (h) => handleExists(tx, h));
    const user = await insertUser(tx, { email: input.email, name: input.name, handle, passwordHash, timeZone });
    await recordEvent(tx, "user/signed-up", { userId: user.id, email: user.email });
    return user;
  }).catch(async (error: unknown) => {
    // The same address signed up twice at the same instant: the second one is told like any known address.
    if (!isUniqueViolation(error)) throw error;
    const winner = await findUserByEmail(db, input.email);
    if (winner) await tellOwner(winner);
    return null;
  });
  return { email: input.email, created };
}

/** At most a few such emails per address and hour (shared with the other link emails); past that, silence. */
async function tellOwner(user: { id: string; email: string }) {
  try {
    await takeRateLimit("email-link", user.email);
  } catch (error) {
    // A refusal here would reveal the account; with the counter store down (UNAVAILABLE), no email is the safe side.
    if (error instanceof AppError && (error.code === "RATE_LIMITED" || error.code === "UNAVAILABLE")) return;
    throw error;
  }
  await recordEvent(await getDb(), "user/sign-up-attempted", { userId: user.id, email: user.email });
}

export async function sendAccountExistsEmail(userId: string, idempotencyKey: string) {
  const user = await findUserById(await getDb(), userId);
  if (!user) return { sent: false as const, reason: "no such user" };
  const props = {
    name: user.name,
    signInUrl: appLink("/signin", { email: user.email }),
    resetUrl: appLink("/forgot-password"),
  };
  const result = await sendEmail("account-exists", props, { email: user.email, idempotencyKey });
  return { sent: true as const, duplicate: result.duplicate };
}
