import { describe, expect, it } from "vitest";
import { unreadCutoffs } from "./levels";

const read = new Date("2026-01-02T00:00:00Z");
const since = new Date("2026-01-01T00:00:00Z");
const followed = [
  { channelId: "all", lastReadAt: read, notifyLevel: "ALL" as const },
  { channelId: "mentions", lastReadAt: null, notifyLevel: "MENTIONS" as const },
  { channelId: "nothing", lastReadAt: null, notifyLevel: "NOTHING" as const },
];

describe("unreadCutoffs", () => {
  it("Catch up: every followed channel, everything after the later of lastReadAt and since, whatever the level", () => {
    expect(unreadCutoffs(followed, { since })).toEqual([
      { channelId: "all", after: read, mentionsOnly: false },
      { channelId: "mentions", after: since, mentionsOnly: false },
      { channelId: "nothing", after: since, mentionsOnly: false },
    ]);
    expect(unreadCutoffs(followed, {}).map((c) => c.after)).toEqual([read, null, null]);
  });

  it("the digest: ALL everything, MENTIONS only posts that mention the person, NOTHING left out", () => {
    expect(unreadCutoffs(followed, { since, byLevel: true })).toEqual([
      { channelId: "all", after: read, mentionsOnly: false },
      { channelId: "mentions", after: since, mentionsOnly: true },
    ]);
  });
});
