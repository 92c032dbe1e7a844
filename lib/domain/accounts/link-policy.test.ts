import { describe, expect, it } from "vitest";
import { decideLink, type ProviderIdentity } from "./link-policy";

const identity = (over: Partial<ProviderIdentity> = {}): ProviderIdentity => ({
  provider: "oidc",
  providerAccountId: "sub-1",
  email: "ada@example.test",
  emailVerified: true,
  ...over,
});
const none = { linkedTo: null, linkingUserId: null, sameEmailUser: null };

describe("decideLink", () => {
  it("an identity already linked signs in as its person", () => {
    expect(decideLink({ ...none, identity: identity(), linkedTo: "u1" })).toEqual({ kind: "sign-in", userId: "u1" });
  });
  it("linking an identity that belongs to someone else is refused; one's own is a sign-in", () => {
    expect(decideLink({ ...none, identity: identity(), linkedTo: "u1", linkingUserId: "u2" })).toEqual({
      kind: "refuse",
      reason: "linked-elsewhere",
    });
    expect(decideLink({ ...none, identity: identity(), linkedTo: "u1", linkingUserId: "u1" }).kind).toBe("sign-in");
  });
  it("from settings it links whatever the address", () => {
    expect(
      decideLink({ ...none, identity: identity({ email: "x@y.test", emailVerified: false }), linkingUserId: "u2" }),
    ).toEqual({ kind: "link", userId: "u2", why: "from-settings" });
  });
  it("a matching address links only when both sides verified it", () => {
    const user = { id: "u3", emailVerified: true };
    expect(decideLink({ ...none, identity: identity(), sameEmailUser: user })).toEqual({
      kind: "link",
      userId: "u3",
      why: "verified-email",
    });
    for (const [emailVerified, accountVerified] of [
      [false, true],
      [true, false],
      [false, false],
    ] as const)
      expect(
        decideLink({
          ...none,
          identity: identity({ emailVerified }),
          sameEmailUser: { id: "u3", emailVerified: accountVerified },
        }),
      ).toEqual({ kind: "refuse", reason: "unverified-email-match" });
  });
  it("a new address makes a new account; no address is refused", () => {
    expect(decideLink({ ...none, identity: identity() }).kind).toBe("create");
    expect(decideLink({ ...none, identity: identity({ email: null }) })).toEqual({
      kind: "refuse",
      reason: "no-email",
    });
  });
});
