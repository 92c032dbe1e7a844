import { afterEach, describe, expect, it } from "vitest";
import { databaseRetryAfterSeconds, markDatabaseAnswering, markDatabaseUnavailable } from "./availability";

afterEach(() => markDatabaseAnswering());

describe("database availability", () => {
  it("says nothing until the database is reported unavailable", () => {
    expect(databaseRetryAfterSeconds()).toBeUndefined();
  });

  it("answers the seconds left, rounded up, and lapses after them", () => {
    markDatabaseUnavailable(5, 1_000);
    expect(databaseRetryAfterSeconds(1_000)).toBe(5);
    expect(databaseRetryAfterSeconds(3_500)).toBe(3);
    expect(databaseRetryAfterSeconds(6_000)).toBeUndefined();
  });

  it("keeps the later of two reports, and clears when the database answers", () => {
    markDatabaseUnavailable(15, 0);
    markDatabaseUnavailable(5, 0);
    expect(databaseRetryAfterSeconds(0)).toBe(15);
    markDatabaseAnswering();
    expect(databaseRetryAfterSeconds(0)).toBeUndefined();
  });
});
