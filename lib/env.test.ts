import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const vercel = {
  VERCEL: "1",
  DATABASE_URL: "postgresql://u:p@db.example.com:5432/tidings",
  AUTH_SECRET: "x".repeat(32),
  RESEND_API_KEY: "re_123",
  EMAIL_FROM: "Tidings <team@example.com>",
  INNGEST_EVENT_KEY: "evt",
  INNGEST_SIGNING_KEY: "signkey-prod-abc",
  UPLOADTHING_TOKEN: "dXQ=",
  UPSTASH_REDIS_REST_URL: "https://x.upstash.io",
  UPSTASH_REDIS_REST_TOKEN: "tok",
};

describe("parseEnv", () => {
  it("needs nothing locally: every layer has an embedded default", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PGLITE_DATA_DIR: ".data/pglite",
      RATE_LIMIT_API_PER_MINUTE: 600,
      RATE_LIMIT_PREFIX: "tidings:rl",
      LOG_LEVEL: "info",
      FILES_DIR: ".data/uploads",
      FILE_MAX_BYTES: 25 * 1024 * 1024,
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it.each([
    [{ AUTH_GITHUB_ID: "gh" }, /AUTH_GITHUB_SECRET: AUTH_GITHUB_SECRET is required with AUTH_GITHUB_ID/],
    [{ AUTH_GOOGLE_SECRET: "s" }, /AUTH_GOOGLE_ID: AUTH_GOOGLE_ID is required with AUTH_GOOGLE_SECRET/],
    [
      { AUTH_OIDC_ISSUER: "https://login.example.com", AUTH_OIDC_ID: "c" },
      /AUTH_OIDC_SECRET: AUTH_OIDC_SECRET is required/,
    ],
    [{ AUTH_OIDC_ID: "c", AUTH_OIDC_SECRET: "s" }, /AUTH_OIDC_ISSUER: AUTH_OIDC_ISSUER is required/],
  ])("names the missing half of a sign-in provider (%o)", (vars, message) => {
    expect(() => parseEnv(vars)).toThrow(message);
  });

  it("accepts a provider configured in full, and names the OIDC button", () => {
    const env = parseEnv({
      AUTH_OIDC_ISSUER: "https://login.example.com/realms/acme",
      AUTH_OIDC_ID: "tidings",
      AUTH_OIDC_SECRET: "secret",
    });
    expect(env.AUTH_OIDC_NAME).toBe("single sign-on");
  });

  it("accepts a complete Vercel configuration", () => {
    expect(() => parseEnv(vercel)).not.toThrow();
  });

  it.each([
    ["DATABASE_URL", /DATABASE_URL: a Vercel deployment needs DATABASE_URL/],
    ["RESEND_API_KEY", /RESEND_API_KEY: a Vercel deployment needs RESEND_API_KEY/],
    ["UPLOADTHING_TOKEN", /UPLOADTHING_TOKEN: a Vercel deployment needs UPLOADTHING_TOKEN/],
    ["UPSTASH_REDIS_REST_URL", /UPSTASH_REDIS_REST_URL: a Vercel deployment needs UPSTASH_REDIS_REST_URL and/],
    ["INNGEST_SIGNING_KEY", /INNGEST_EVENT_KEY: a Vercel deployment needs INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY/],
  ])("refuses a Vercel deployment without %s", (name, message) => {
    expect(() => parseEnv({ ...vercel, [name]: undefined })).toThrow(message);
  });

  it.each([
    [{ DATABASE_URL: "postgresql://localhost/x" }, /AUTH_SECRET is required when DATABASE_URL is set/],
    [{ DATABASE_URL: "mysql://localhost/x" }, /DATABASE_URL/],
    [{ FILES_ENCRYPTION_KEY: "too-short" }, /FILES_ENCRYPTION_KEY must be 32 bytes/],
    [{ AUTH_SECRET: "short" }, /AUTH_SECRET must be at least 32 characters/],
    [
      { UPSTASH_REDIS_REST_URL: "https://x.upstash.io" },
      /set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN/,
    ],
    [{ RATE_LIMIT_API_PER_MINUTE: "0" }, /RATE_LIMIT_API_PER_MINUTE/],
    [{ RESEND_API_KEY: "re_1", EMAIL_FROM: "Tidings" }, /EMAIL_FROM must be an address/],
  ])("names the variable and the problem: %j", (source, message) => {
    expect(() => parseEnv(source)).toThrow(message);
  });
});
