import { describe, expect, it } from "vitest";
import { parseCron } from "./cron";

describe("parseCron", () => {
  it("matches minutes, hours, steps, ranges and lists in UTC", () => {
    expect(parseCron("* * * * *")(new Date("2026-01-01T10:17:00Z"))).toBe(true);
    expect(parseCron("0 * * * *")(new Date("2026-01-01T10:00:00Z"))).toBe(true);
    expect(parseCron("0 * * * *")(new Date("2026-01-01T10:01:00Z"))).toBe(false);
    expect(parseCron("*/15 3 * * *")(new Date("2026-01-01T03:45:00Z"))).toBe(true);
    expect(parseCron("*/15 3 * * *")(new Date("2026-01-01T04:45:00Z"))).toBe(false);
    expect(parseCron("0 9 * * 1-5")(new Date("2026-11-28T09:00:00Z"))).toBe(false); // a Saturday
    expect(parseCron("0 9 * * 1,6")(new Date("2026-11-28T09:00:00Z"))).toBe(true);
  });

  it("rejects what it cannot honour", () => {
    expect(() => parseCron("TZ=Europe/Paris 0 9 * * *")).toThrow(/time-zone/);
    expect(() => parseCron("61 * * * *")).toThrow();
    expect(() => parseCron("* * *")).toThrow();
  });
});
