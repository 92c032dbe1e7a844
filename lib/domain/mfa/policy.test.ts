import { describe, expect, it } from "vitest";
import { splitByMfaPolicy } from "./policy";

const m = (workspaceId: string, requireMfa: boolean) => ({
  workspaceId,
  role: "MEMBER" as const,
  workspace: { requireMfa },
});

describe("splitByMfaPolicy", () => {
  it("a workspace that does not require MFA is usable either way", () => {
    expect(splitByMfaPolicy([m("a", false)], false)).toEqual({ usable: [m("a", false)], needSetup: [] });
  });
  it("one that requires it is usable only with MFA on", () => {
    expect(splitByMfaPolicy([m("a", false), m("b", true)], false)).toEqual({
      usable: [m("a", false)],
      needSetup: [m("b", true)],
    });
    expect(splitByMfaPolicy([m("b", true)], true)).toEqual({ usable: [m("b", true)], needSetup: [] });
  });
});
