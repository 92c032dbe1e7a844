import { describe, expect, it } from "vitest";
import { toNameBase } from "./name-base";

describe("toNameBase", () => {
  it.each([
    ["Acme Rockets!", "-", 40, "acme-rockets"],
    ["  Café Crème  ", "-", 40, "cafe-creme"],
    ["Ada Lovelace", "", 20, "adalovelace"],
    ["Émile Zoë", "", 20, "emilezoe"],
    ["---", "-", 40, ""],
    ["李雷", "", 20, ""],
    ["Über straße", "-", 40, "uber-stra-e"],
  ] as const)("%j → %j", (text, separator, max, expected) => {
    expect(toNameBase(text, separator, max)).toBe(expected);
  });

  it("cuts to the maximum length without leaving a dangling separator", () => {
    expect(toNameBase("abcd efgh", "-", 5)).toBe("abcd");
    expect(toNameBase("a".repeat(50), "", 20)).toHaveLength(20);
  });
});
