// Turning two-step sign-in off takes a current code (or a recovery code): a borrowed, unlocked browser is not enough.
// Every other session ends, since one of them may be the reason; the person is told by email.
import { getDb } from "@/lib/data/db/client";
import { deleteRecoveryCodes, deleteTotpFactor } from "@/lib/data/mfa";
import { bumpClaimsVersion } from "@/lib/data/users";
import { recordEvent } from "@/lib/outbox/record";
import type { Actor } from "../actor";
import { endAllSessions } from "../sessions/sessions";
import { spendSecondFactorCode } from "./check-code";
import { requireSessionActor } from "./session-actor";
import { transaction } from "@/lib/data/db/transaction";
import { forgetActorsOf } from "@/lib/data/cache/actors";

export async function disableTotp(actor: Actor, code: string) {
  const sessionId = requireSessionActor(actor);
  const db = await getDb();
  const result = await transaction(db, async (tx) => {
    await spendSecondFactorCode(tx, actor.userId, code);
    await deleteTotpFactor(tx, actor.userId);
    await deleteRecoveryCodes(tx, actor.userId);
    await bumpClaimsVersion(tx, [actor.userId]);
    const ended = await endAllSessions(tx, actor.userId, "mfa-disabled", sessionId);
    await recordEvent(tx, "user/security-notice", { userId: actor.userId, notice: "mfa-disabled" });
    return { endedSessions: ended.count };
  });
  await forgetActorsOf([actor.userId]); // its other sessions ended, cached ones too, everywhere
  return result;
}
