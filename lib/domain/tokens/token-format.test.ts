import { describe, expect, it } from "vitest";
import { generateApiToken, hashApiToken, looksLikeApiToken, TOKEN_PREFIX } from "./token-format";

describe("API token format", () => {
  it("makes tid_ tokens whose stored prefix and hash are derived from the token", () => {
    const { token, prefix, tokenHash } = generateApiToken();
    expect(token).toMatch(/^tid_[A-Za-z0-9_-]{43}$/);
    expect(token.startsWith(prefix)).toBe(true);
    expect(prefix).toHaveLength(TOKEN_PREFIX.length + 6);
    expect(tokenHash).toBe(hashApiToken(token));
    expect(tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(generateApiToken().token).not.toBe(token);
  });

  it("recognises its own tokens only", () => {
    expect(looksLikeApiToken(generateApiToken().token)).toBe(true);
    expect(looksLikeApiToken("ghp_abcdef")).toBe(false);
    expect(looksLikeApiToken(`tid_${"x".repeat(300)}`)).toBe(false);
  });
});
