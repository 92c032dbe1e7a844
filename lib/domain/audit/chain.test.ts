import { describe, expect, it } from "vitest";
import { auditHash, GENESIS_HASH, type ChainedFields } from "./chain";

const row: ChainedFields = {
  workspaceId: "ws1",
  seq: 1,
  actorId: "u1",
  actorKind: "person",
  actorTokenId: null,
  action: "member.role_changed",
  targetType: "member",
  targetId: "u2",
  before: { role: "MEMBER" },
  after: { role: "ADMIN", since: "2026-12-02T06:00:00.000Z" },
  requestId: "r1",
  clientAddress: "203.0.113.7",
  createdAt: new Date("2026-12-02T06:00:00.000Z"),
  prevHash: GENESIS_HASH,
};

describe("auditHash", () => {
  it("is a sha256 in hex, the same for the same fields whatever their key order", () => {
    const hash = auditHash(row);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const reordered = { ...row, after: { since: "2026-12-02T06:00:00.000Z", role: "ADMIN" } };
    expect(auditHash(reordered)).toBe(hash);
  });

  it.each<[string, Partial<ChainedFields>]>([
    ["the workspace", { workspaceId: "ws2" }],
    ["the seq", { seq: 2 }],
    ["the actor", { actorId: "u3" }],
    ["the actor kind", { actorKind: "token" }],
    ["the token", { actorTokenId: "t1" }],
    ["the action", { action: "member.removed" }],
    ["the target", { targetId: "u4" }],
    ["the target type", { targetType: "token" }],
    ["before", { before: { role: "GUEST" } }],
    ["after", { after: null }],
    ["the request id", { requestId: null }],
    ["the client address", { clientAddress: "198.51.100.1" }],
    ["the time, by a millisecond", { createdAt: new Date("2026-12-02T06:00:00.001Z") }],
    ["the previous hash", { prevHash: "f".repeat(64) }],
  ])("changes with %s", (_, change) => {
    expect(auditHash({ ...row, ...change })).not.toBe(auditHash(row));
  });

  it("does not confuse a field's value with another field's (null before vs an empty object)", () => {
    expect(auditHash({ ...row, before: null })).not.toBe(auditHash({ ...row, before: {} }));
  });
});
