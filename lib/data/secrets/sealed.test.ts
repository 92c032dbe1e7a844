import { describe, expect, it } from "vitest";
import { isSealed, open, seal, SealedSecretError } from "./sealed";

describe("sealed secrets", () => {
  it("opens what it sealed, for the same purpose and owner; each seal differs", () => {
    const a = seal("totp", "user-1", "JBSWY3DPEHPK3PXP");
    const b = seal("totp", "user-1", "JBSWY3DPEHPK3PXP");
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain("JBSWY3DPEHPK3PXP");
    expect(open("totp", "user-1", a)).toBe("JBSWY3DPEHPK3PXP");
  });

  it("refuses another owner, another purpose, and a changed byte", () => {
    const sealed = seal("totp", "user-1", "JBSWY3DPEHPK3PXP");
    expect(() => open("totp", "user-2", sealed)).toThrow(SealedSecretError);
    expect(() => open("webhook-secret", "user-1", sealed)).toThrow(SealedSecretError);
    const raw = Buffer.from(sealed.slice("sealed:v1:".length), "base64url");
    raw[raw.length - 1]! ^= 1;
    expect(() => open("totp", "user-1", `sealed:v1:${raw.toString("base64url")}`)).toThrow(SealedSecretError);
    expect(() => open("totp", "user-1", "sealed:v1:AAAA")).toThrow(/truncated/);
  });

  it("reads a value stored before sealing as it is", () => {
    expect(isSealed("JBSWY3DPEHPK3PXP")).toBe(false);
    expect(open("totp", "user-1", "JBSWY3DPEHPK3PXP")).toBe("JBSWY3DPEHPK3PXP");
  });
});
