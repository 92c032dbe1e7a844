// Settings → sign-in methods: the person's linked identities, and unlinking one (never the last way to sign in).
import { countUserAccounts, deleteUserAccount, listUserAccounts } from "@/lib/data/accounts";
import { getDb } from "@/lib/data/db/client";
import { findUserCredentials } from "@/lib/data/users";
import { AppError, notFound } from "@/lib/errors";
import type { Actor } from "../actor";
import { transaction } from "@/lib/data/db/transaction";

function requireBrowser(actor: Actor) {
  if (actor.via !== "session") throw new AppError("FORBIDDEN", "Sign-in methods are managed from a signed-in browser");
}

export async function listMyIdentities(actor: Actor) {
  requireBrowser(actor);
  const rows = await listUserAccounts(await getDb(), actor.userId);
  return rows.map(({ id, provider, email, createdAt, lastUsedAt }) => ({ id, provider, email, createdAt, lastUsedAt }));
}

/**
 * The ways to sign in are the password and the linked identities: the last one stays (the emailed link is a way to
 * recover, not a method the person chose).
 */
export async function unlinkMyIdentity(actor: Actor, accountId: string) {
  requireBrowser(actor);
  const db = await getDb();
  await transaction(db, async (tx) => {
    const user = await findUserCredentials(tx, actor.userId);
    if (!user) throw notFound("User");
    if (!user.passwordHash && (await countUserAccounts(tx, actor.userId)) <= 1)
      throw new AppError(
        "CONFLICT",
        "This is your only way to sign in. Set a password or link another provider before unlinking it.",
      );
    const { count } = await deleteUserAccount(tx, actor.userId, accountId);
    if (count !== 1) throw notFound("Linked sign-in");
  });
}
