import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextAttemptAfterFailure } from "./schedule";

describe("webhook retry schedule", () => {
  const now = new Date("2026-12-01T00:00:00Z");
  const after = (attempts: number) => {
    const next = nextAttemptAfterFailure(attempts, now);
    return next === null ? null : (next.getTime() - now.getTime()) / 1000;
  };

  it("follows 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then stops", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map(after)).toEqual([5, 300, 1800, 7200, 18000, 36000, 36000]);
    expect(after(8)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(8);
  });
});
