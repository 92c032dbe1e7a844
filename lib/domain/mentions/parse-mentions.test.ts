import { describe, expect, it } from "vitest";
import { parseMentions } from "./parse-mentions";

describe("parseMentions", () => {
  it("finds each @handle once, lowercased", () => {
    expect(parseMentions("Hi @Ada and @bob, also @ada again.")).toEqual(["ada", "bob"]);
    expect(parseMentions("(@carol) @dave: @erin!")).toEqual(["carol", "dave", "erin"]);
  });

  it("ignores email addresses, code and too-short handles", () => {
    expect(parseMentions("mail ada@example.com")).toEqual([]);
    expect(parseMentions("`@ada` and\n```\n@bob\n```\n@x")).toEqual([]);
  });
});
