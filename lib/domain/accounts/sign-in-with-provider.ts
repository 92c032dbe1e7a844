// A provider sign-in (GitHub, Google, the company's OIDC provider), after next-auth finished the OAuth exchange:
// which Tidings account it signs in as — an identity already linked, one joined now (decideLink says when), or a
// new account — and the security email when a new way to sign in was added.
import { findAccount, insertAccount, touchAccount } from "@/lib/data/accounts";
import { getDb, isUniqueViolation } from "@/lib/data/db/client";
import { findUserByEmail, findUserById, handleExists, insertUser, markEmailVerified } from "@/lib/data/users";
import { AppError } from "@/lib/errors";
import { recordEvent } from "@/lib/outbox/record";
import { freeName } from "../names/free-name";
import { handleBase } from "../users/sign-up";
import { decideLink, type ProviderIdentity } from "./link-policy";
import { transaction } from "@/lib/data/db/transaction";

export type ProviderSignIn = ProviderIdentity & { name: string | null; providerName: string };

export type ProviderRefusal = "unverified-email-match" | "linked-elsewhere" | "no-email";

/** What the sign-in (or settings) page says for each refusal. */
export function providerRefusalMessage(reason: ProviderRefusal, providerName: string): string {
  switch (reason) {
    case "unverified-email-match":
      return `An account with this email address already exists, and ${providerName} did not confirm the address is yours. Sign in to that account with its password or an emailed link, then link ${providerName} from Settings.`;
    case "linked-elsewhere":
      return `This ${providerName} account is already linked to another Tidings account.`;
    case "no-email":
      return `${providerName} did not share an email address, so no account was made. Create an account with your email first, then link ${providerName} from Settings.`;
  }
}

export class ProviderSignInRefused extends AppError {
  constructor(
    readonly reason: ProviderRefusal,
    providerName: string,
  ) {
    super(reason === "linked-elsewhere" ? "CONFLICT" : "FORBIDDEN", providerRefusalMessage(reason, providerName), {
      reason,
    });
  }
}

/** `linkingUserId`: the signed-in person who asked, from settings, to link this provider. */
export async function signInWithProvider(identity: ProviderSignIn, linkingUserId: string | null) {
  const db = await getDb();
  const email = identity.email?.trim().toLowerCase() || null;
  const now = new Date();
  const result = await transaction(db, async (tx) => {
    const linked = await findAccount(tx, identity.provider, identity.providerAccountId);
    const sameEmail = !linked && !linkingUserId && email ? await findUserByEmail(tx, email) : null;
    const decision = decideLink({
      identity: { ...identity, email },
      linkedTo: linked?.userId ?? null,
      linkingUserId,
      sameEmailUser: sameEmail ? { id: sameEmail.id, emailVerified: sameEmail.emailVerifiedAt !== null } : null,
    });
    if (decision.kind === "refuse") throw new ProviderSignInRefused(decision.reason, identity.providerName);
    if (decision.kind === "sign-in" && linked) {
      await touchAccount(tx, linked.id, now);
      return { userId: decision.userId, created: false };
    }
    let userId: string;
    let created = false;
    if (decision.kind === "create" && email) {
      const name = (identity.name?.trim() || email.split("@")[0] || "New member").slice(0, 80);
      const handle = await freeName(tx, "handle", handleBase(name, email), "", (h) => handleExists(tx, h));
      const user = await insertUser(tx, { email, name, handle, passwordHash: null });
      if (identity.emailVerified) await markEmailVerified(tx, user.id, now);
      // The usual sign-up event: its verification email is skipped when the provider already verified the address.
      await recordEvent(tx, "user/signed-up", { userId: user.id, email: user.email });
      userId = user.id;
      created = true;
    } else if (decision.kind === "link") {
      userId = decision.userId;
    } else {
      throw new AppError("INTERNAL", `unexpected link decision ${decision.kind}`);
    }
    await insertAccount(tx, {
      userId,
      provider: identity.provider,
      providerAccountId: identity.providerAccountId,
      email,
    });
    if (!created)
      await recordEvent(tx, "user/security-notice", {
        userId,
        notice: "sign-in-method-added",
        method: identity.providerName,
      });
    return { userId, created };
  }).catch((error: unknown) => {
    // The same identity linked twice at once (two tabs): the other tab won; sign in as whoever it linked.
    if (isUniqueViolation(error)) return null;
    throw error;
  });
  const userId =
    result?.userId ?? (await findAccount(db, identity.provider, identity.providerAccountId))?.userId ?? null;
  const user = userId ? await findUserById(db, userId) : null;
  if (!user) throw new AppError("CONFLICT", "This sign-in could not be completed. Try again.");
  if (linkingUserId && user.id !== linkingUserId)
    throw new ProviderSignInRefused("linked-elsewhere", identity.providerName);
  return { id: user.id, email: user.email, name: user.name, created: result?.created ?? false };
}
