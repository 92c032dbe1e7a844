import { describe, expect, it } from "vitest";
import { allScopes, type Actor, type Role } from "../actor";
import { canInvite } from "../policy";

const as = (role: Role | undefined): Actor => ({
  userId: "u",
  via: "session",
  roles: role ? { w: role } : {},
  scopes: allScopes,
});

describe("canInvite", () => {
  it("admins and owners invite; members, guests and outsiders do not", () => {
    expect(canInvite(as("OWNER"), "w", "MEMBER")).toBe(true);
    expect(canInvite(as("ADMIN"), "w", "ADMIN")).toBe(true);
    expect(canInvite(as("MEMBER"), "w", "MEMBER")).toBe(false);
    expect(canInvite(as("GUEST"), "w", "GUEST")).toBe(false);
    expect(canInvite(as(undefined), "w", "MEMBER")).toBe(false);
    expect(canInvite(as("ADMIN"), "other", "MEMBER")).toBe(false);
  });

  it("only owners invite owners", () => {
    expect(canInvite(as("OWNER"), "w", "OWNER")).toBe(true);
    expect(canInvite(as("ADMIN"), "w", "OWNER")).toBe(false);
  });
});
