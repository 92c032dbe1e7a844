// Settings → password: change it (or set one on an account that signs in only by link or provider). Whoever else
// holds a session may have learned the old password: every other session ends, and every reset link is spent.
import { getDb } from "@/lib/data/db/client";
import { spendUserTokens } from "@/lib/data/one-time-tokens";
import { findUserCredentials, updatePasswordHash } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/outbox/record";
import type { ChangePasswordInput } from "@/lib/validation/users";
import type { Actor } from "../actor";
import { takeRateLimit } from "../rate-limits";
import { endAllSessions } from "../sessions/sessions";
import { hashPassword, verifyPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import { transaction } from "@/lib/data/db/transaction";
import { forgetActorsOf } from "@/lib/data/cache/actors";

export async function changePassword(actor: Actor, input: ChangePasswordInput) {
  if (actor.via !== "session" || !actor.sessionId)
    throw new AppError("FORBIDDEN", "Passwords are changed from a signed-in browser");
  const db = await getDb();
  const user = await findUserCredentials(db, actor.userId);
  if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (user.passwordHash) {
    // A stolen session must not become a way to guess the password: these tries count as sign-in attempts.
    await takeRateLimit("sign-in-email", user.email);
    const current = input.currentPassword ?? "";
    if (!current || !(await verifyPassword(user.passwordHash, current))) {
      const message = current ? "is not your current password" : "is required";
      throw new AppError("VALIDATION_FAILED", `Current password ${message}`, [{ path: "currentPassword", message }]);
    }
  }
  await assertStrongPassword(input.password, { email: user.email, name: user.name });
  const passwordHash = await hashPassword(input.password);
  const ended = await transaction(db, async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    const { count } = await endAllSessions(tx, user.id, "password-changed", actor.sessionId);
    await spendUserTokens(tx, user.id, ["PASSWORD_RESET"], new Date());
    await recordEvent(tx, "user/security-notice", {
      userId: user.id,
      notice: user.passwordHash ? "password-changed" : "password-added",
    });
    return count;
  });
  await forgetActorsOf([actor.userId]); // its other sessions ended, cached ones too, everywhere
  return { endedSessions: ended };
}
