import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

describe("clientAddress", () => {
  it.each([
    [{ "x-forwarded-for": "203.0.113.7, 10.0.0.1" }, "203.0.113.7"],
    [{ "x-forwarded-for": " 2001:db8::1 " }, "2001:db8::1"],
    [{ "x-real-ip": "198.51.100.2" }, "198.51.100.2"],
    [{ "x-forwarded-for": "", "x-real-ip": "198.51.100.2" }, "198.51.100.2"],
    [{}, "direct"],
  ])("%j → %s", (headers, expected) => {
    expect(clientAddress(new Headers(headers))).toBe(expected);
  });
});
