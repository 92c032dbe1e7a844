// The one place that reads process.env: every variable is validated when the server starts and at `next build`.
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    /** Managed database. Absent → embedded PGlite under PGLITE_DATA_DIR. */
    DATABASE_URL: optionalString.pipe(z.url({ protocol: /^postgres(ql)?$/ }).optional()),
    /**
     * How long opening a PostgreSQL connection, or waiting for a free one / to begin a transaction, may take before the
     * request gives up with a 503 (a database that accepts connections but never answers must not hang every request).
     */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
    /** How long one query (PostgreSQL statement_timeout and a client-side read timeout) or one transaction may take. */
    DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(10_000),
    /** Embedded database directory, or `memory://` for a throwaway in-memory database. */
    PGLITE_DATA_DIR: z.string().default(".data/pglite"),
    /** Signs session tokens. Required with a managed database; the embedded mode keeps one in .data/. */
    AUTH_SECRET: optionalString.pipe(z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional()),
    /** Sign in with GitHub (an OAuth app's client id and secret); the button shows when both are set. */
    AUTH_GITHUB_ID: optionalString,
    AUTH_GITHUB_SECRET: optionalString,
    /** A GitHub Enterprise Server's origin, instead of github.com (tests point it at a local fake). */
    AUTH_GITHUB_ENTERPRISE_URL: optionalString.pipe(z.url().optional()),
    /** Sign in with Google (an OAuth client's id and secret). */
    AUTH_GOOGLE_ID: optionalString,
    AUTH_GOOGLE_SECRET: optionalString,
    /** The company's own OpenID Connect provider (Okta, Entra ID, Keycloak, Authentik…): issuer URL, client, name. */
    AUTH_OIDC_ISSUER: optionalString.pipe(z.url().optional()),
    AUTH_OIDC_ID: optionalString,
    AUTH_OIDC_SECRET: optionalString,
    /** The button's label: "Sign in with <name>". */
    AUTH_OIDC_NAME: z.string().trim().min(1).max(40).default("single sign-on"),
    /** The URL people open the app at; links in emails point here. */
    APP_URL: z.url().default("http://localhost:3000"),
    INNGEST_EVENT_KEY: optionalString,
    INNGEST_SIGNING_KEY: optionalString,
    INNGEST_DEV: optionalString,
    /** A self-hosted Inngest server's origin (Inngest Cloud when unset). */
    INNGEST_BASE_URL: optionalString.pipe(z.url().optional()),
    RESEND_API_KEY: optionalString,
    /** Resend's API origin; only tests point it elsewhere (a local fake of the API). */
    RESEND_BASE_URL: optionalString.pipe(z.url().optional()),
    /** How long one call to Resend may take before it counts as failed (and the step retries). */
    RESEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
    EMAIL_FROM: z.string().default("Tidings <tidings@localhost>"),
    /**
     * Without RESEND_API_KEY, emails are kept in the database; whether /dev/mailbox shows them. Default: on with the
     * embedded database (a laptop), off with DATABASE_URL (a shared server, where anyone could read reset links).
     */
    DEV_MAILBOX: z.enum(["on", "off"]).optional(),
    /** Shared rate-limit counters (Upstash Redis, REST). Absent → counted in each process's memory. */
    UPSTASH_REDIS_REST_URL: optionalString.pipe(z.url().optional()),
    UPSTASH_REDIS_REST_TOKEN: optionalString,
    /** Key prefix of the rate-limit counters in Redis (several deployments may share one database). */
    RATE_LIMIT_PREFIX: z.string().min(1).default("tidings:rl"),
    /** Key prefix of the cache (resolved actors, computed results) in Redis; the adapter follows UPSTASH_REDIS_REST_*. */
    CACHE_PREFIX: z.string().min(1).default("tidings:cache"),
    /** How long a cache entry lives at most (invalidation is by write-through; this bounds a lost one). */
    CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
    /** Most entries the in-process cache holds (the oldest go first). */
    CACHE_MAX_ENTRIES: z.coerce.number().int().min(100).max(10_000_000).default(50_000),
    /** Requests per minute per API token or signed-in person on /api/v1. */
    RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(600),
    /** Shows /api/health's details to a monitor sending `Authorization: Bearer <HEALTH_TOKEN>`. */
    HEALTH_TOKEN: optionalString.pipe(z.string().min(32, "HEALTH_TOKEN must be at least 32 characters").optional()),
    /** Managed file store (UploadThing). Absent → files on the local disk under FILES_DIR, encrypted at rest. */
    UPLOADTHING_TOKEN: optionalString,
    /** UploadThing's API and ingest origins; only tests and the embedded mode point them elsewhere. */
    UPLOADTHING_API_URL: optionalString.pipe(z.url().optional()),
    UPLOADTHING_INGEST_URL: optionalString.pipe(z.url().optional()),
    /** Local file store directory (embedded mode). */
    FILES_DIR: z.string().min(1).default(".data/uploads"),
    /** 32 bytes, base64 or hex: encrypts local files at rest. Absent → generated once into .data/files-key. */
    FILES_ENCRYPTION_KEY: optionalString.pipe(
      z
        .string()
        .refine((v) => decodeKey(v) !== undefined, "FILES_ENCRYPTION_KEY must be 32 bytes in base64 or hex")
        .optional(),
    ),
    /**
     * 32 bytes, base64 or hex: seals stored secrets the server must read back (TOTP seeds, webhook signing secrets).
     * Absent → derived from AUTH_SECRET (so changing AUTH_SECRET then makes them unreadable), or in the embedded mode
     * without AUTH_SECRET generated once into .data/secrets-key.
     */
    SECRETS_ENCRYPTION_KEY: optionalString.pipe(
      z
        .string()
        .refine((v) => decodeKey(v) !== undefined, "SECRETS_ENCRYPTION_KEY must be 32 bytes in base64 or hex")
        .optional(),
    ),
    /** Largest accepted file, in bytes (default 25 MB). */
    FILE_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(1024 ** 3)
      .default(25 * 1024 * 1024),
    /** Most files on one post or comment, and their total size in bytes (default 10 files, 100 MB). */
    POST_MAX_FILES: z.coerce.number().int().min(1).max(100).default(10),
    POST_MAX_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(10 * 1024 ** 3)
      .default(100 * 1024 * 1024),
    /** Images larger than this many pixels are refused as possible decompression bombs (sharp's own cap is 268 M). */
    IMAGE_MAX_PIXELS: z.coerce.number().int().min(1).max(268_402_689).default(40_000_000),
    /** How long a signed file URL stays valid, in seconds. */
    FILE_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(300),
    LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
    /** "on": API responses carry `Server-Timing: sql;desc="<n> statements"` (the HTTP bench reads it). */
    SERVER_TIMING: z.enum(["on", "off"]).default("off"),
    /** `auto`: pretty, coloured lines in development when stdout is a terminal; JSON lines otherwise. */
    LOG_FORMAT: z.enum(["auto", "json", "pretty"]).default("auto"),
    /** Set by Vercel; a Vercel deployment must configure every managed service. */
    VERCEL: optionalString,
  })
  .superRefine((env, ctx) => {
    if (env.DATABASE_URL && !env.AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "AUTH_SECRET is required when DATABASE_URL is set",
      });
    }
    // A provider half configured would show no button and say nothing: name the missing variable instead.
    const pairs = [
      ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
      ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
      ["AUTH_OIDC_ISSUER", "AUTH_OIDC_ID"],
      ["AUTH_OIDC_ISSUER", "AUTH_OIDC_SECRET"],
    ] as const;
    for (const [a, b] of pairs) {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        const missing = env[a] ? b : a;
        ctx.addIssue({ code: "custom", path: [missing], message: `${missing} is required with ${env[a] ? a : b}` });
      }
    }
    if (env.VERCEL && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["DATABASE_URL"],
        message: "a Vercel deployment needs DATABASE_URL (PGlite cannot persist there)",
      });
    }
    // Serverless instances freeze after the response and nobody reads a dev mailbox there — worse, anyone could.
    if (env.VERCEL && !env.RESEND_API_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message: "a Vercel deployment needs RESEND_API_KEY (the dev mailbox would be public)",
      });
    }
    if (env.VERCEL && !(env.INNGEST_EVENT_KEY && env.INNGEST_SIGNING_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["INNGEST_EVENT_KEY"],
        message:
          "a Vercel deployment needs INNGEST_EVENT_KEY and INNGEST_SIGNING_KEY (in-process functions do not survive a frozen instance)",
      });
    }
    if (Boolean(env.UPSTASH_REDIS_REST_URL) !== Boolean(env.UPSTASH_REDIS_REST_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["UPSTASH_REDIS_REST_TOKEN"],
        message: "set both UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN, or neither",
      });
    }
    // Serverless instances are many: each would cache who is signed in on its own, so a revoked token or an ended
    // session could keep working on another instance until its entry expired. The shared cache makes write-through
    // reach every instance (and rate limits count across them).
    if (env.VERCEL && !(env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN)) {
      ctx.addIssue({
        code: "custom",
        path: ["UPSTASH_REDIS_REST_URL"],
        message:
          "a Vercel deployment needs UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN (a cache per instance would let lost rights outlive their loss on other instances)",
      });
    }
    // A serverless instance's disk is neither shared nor kept: files need the managed store there.
    if (env.VERCEL && !env.UPLOADTHING_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["UPLOADTHING_TOKEN"],
        message: "a Vercel deployment needs UPLOADTHING_TOKEN (files on an instance's disk would be lost)",
      });
    }
    if (env.RESEND_API_KEY && !env.EMAIL_FROM.includes("@")) {
      ctx.addIssue({
        code: "custom",
        path: ["EMAIL_FROM"],
        message: "EMAIL_FROM must be an address Resend can send from",
      });
    }
  });

/** A 32-byte key given as base64/base64url or hex; undefined when it is neither. */
export function decodeKey(value: string): Buffer | undefined {
  const buf = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return buf.length === 32 ? buf : undefined;
}

export type Env = z.infer<typeof schema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

/** Background functions: Inngest (Cloud, self-hosted or dev server) when configured, else run in-process. */
export const backgroundMode: "inngest" | "embedded" = env.INNGEST_EVENT_KEY || env.INNGEST_DEV ? "inngest" : "embedded";

/** Where file bytes live: UploadThing when configured, else the local disk. */
export const fileStoreMode: "uploadthing" | "disk" = env.UPLOADTHING_TOKEN ? "uploadthing" : "disk";
