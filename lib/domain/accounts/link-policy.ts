// When a provider identity may sign in as, or join, a Tidings account. Never a silent takeover: an address the
// provider does not vouch for, or one the account never proved, does not link by itself.

export type ProviderIdentity = {
  provider: string;
  providerAccountId: string;
  /** Lower-cased address the provider gave, if any. */
  email: string | null;
  /** The provider asserts the person proved that address (OIDC `email_verified`, GitHub's verified flag). */
  emailVerified: boolean;
};

export type LinkDecision =
  | { kind: "sign-in"; userId: string }
  | { kind: "link"; userId: string; why: "from-settings" | "verified-email" }
  | { kind: "create" }
  | { kind: "refuse"; reason: "unverified-email-match" | "linked-elsewhere" | "no-email" };

/**
 * - The identity is already linked: it signs in as its person (or, linking from settings, refuses when that is
 *   someone else).
 * - Linking from settings (a signed-in person asked): it joins them.
 * - An account has the same address: it joins only when the provider verified the address AND the account did.
 * - No account has the address: a new account (the provider must give an address).
 */
export function decideLink(input: {
  identity: ProviderIdentity;
  linkedTo: string | null;
  linkingUserId: string | null;
  sameEmailUser: { id: string; emailVerified: boolean } | null;
}): LinkDecision {
  const { identity, linkedTo, linkingUserId, sameEmailUser } = input;
  if (linkedTo) {
    if (linkingUserId && linkingUserId !== linkedTo) return { kind: "refuse", reason: "linked-elsewhere" };
    return { kind: "sign-in", userId: linkedTo };
  }
  if (linkingUserId) return { kind: "link", userId: linkingUserId, why: "from-settings" };
  if (sameEmailUser) {
    return identity.emailVerified && sameEmailUser.emailVerified
      ? { kind: "link", userId: sameEmailUser.id, why: "verified-email" }
      : { kind: "refuse", reason: "unverified-email-match" };
  }
  if (!identity.email) return { kind: "refuse", reason: "no-email" };
  return { kind: "create" };
}
