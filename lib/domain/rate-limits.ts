// Which rule limits what, and how many hits it allows. Counters live in lib/data/rate-limit (memory or Upstash);
// entry wrappers (route, action, the sign-in provider) and the email-link requests take a hit before working.
import { createHash } from "node:crypto";
import { rateLimitStore, type Decision, type Window } from "@/lib/data/rate-limit/store";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

export const rateLimitRules = {
  /** Each API token, or signed-in person, on /api/v1. */
  api: { limit: env.RATE_LIMIT_API_PER_MINUTE, windowSeconds: 60 },
  /** Unauthenticated API calls, per client address. */
  "api-anonymous": { limit: 120, windowSeconds: 60 },
  /**
   * Password sign-in attempts on one address (guessing one person's password), and from one client. Only password
   * sign-in is paused: the emailed sign-in link is not counted here, so a stranger's guesses never lock the owner out.
   */
  "sign-in-email": { limit: 10, windowSeconds: 15 * 60 },
  "sign-in-client": { limit: 100, windowSeconds: 15 * 60 },
  /** New accounts from one client. */
  "sign-up-client": { limit: 30, windowSeconds: 60 * 60 },
  /** Emails with a link (password reset, sign-in link, verification) to one address: nobody's inbox gets flooded. */
  "email-link": { limit: 5, windowSeconds: 60 * 60 },
  /** Second-factor codes (TOTP or recovery) per person: a million codes are not guessed ten at a time. */
  "mfa-code": { limit: 10, windowSeconds: 15 * 60 },
} as const satisfies Record<string, Window>;

export type RateLimitRule = keyof typeof rateLimitRules;

/**
 * Rules guarding sign-in, sign-up and emailed links fail closed: while the counter store cannot answer, a password
 * could be guessed or an inbox flooded without limit, so these refuse (503). General API traffic still fails open.
 */
const failClosedRules: ReadonlySet<RateLimitRule> = new Set([
  "sign-in-email",
  "sign-in-client",
  "sign-up-client",
  "email-link",
]);
const FAIL_CLOSED_RETRY_SECONDS = 30;

const messages: Record<RateLimitRule, string> = {
  api: "Too many requests",
  "api-anonymous": "Too many requests",
  "sign-in-email": "Too many sign-in attempts for this address",
  "sign-in-client": "Too many sign-in attempts",
  "sign-up-client": "Too many accounts were created from here",
  "email-link": "Too many emails were sent to this address recently",
  "mfa-code": "Too many codes were tried",
};

/** What still works meanwhile, when something does. */
const hints: Partial<Record<RateLimitRule, string>> = {
  "sign-in-email": "or sign in with an emailed link: it still works",
};

export type RateLimitDetails = { rule: RateLimitRule; limit: number; retryAfterSeconds: number };

function inWords(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Counts one hit for `subject` (an address, a token, a user id) under `rule`; throws RATE_LIMITED (429) once the
 * window's allowance is used up. Subjects are hashed: no email address is stored in the counter store.
 */
export async function takeRateLimit(rule: RateLimitRule, subject: string): Promise<Decision> {
  const key = createHash("sha256").update(subject.trim().toLowerCase()).digest("base64url").slice(0, 32);
  const decision = await (await rateLimitStore()).hit(rule, key, rateLimitRules[rule]);
  if (decision.unavailable && failClosedRules.has(rule)) {
    throw new AppError(
      "UNAVAILABLE",
      "Signing in and sending sign-in emails are paused for a moment (our safety check is not answering). Try again in a minute.",
      { rule, retryAfterSeconds: FAIL_CLOSED_RETRY_SECONDS },
    );
  }
  if (!decision.allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil((decision.resetAt - Date.now()) / 1000));
    const details: RateLimitDetails = { rule, limit: decision.limit, retryAfterSeconds };
    const hint = hints[rule] ? `, ${hints[rule]}` : "";
    throw new AppError(
      "RATE_LIMITED",
      `${messages[rule]}. Try again in ${inWords(retryAfterSeconds)}${hint}.`,
      details,
    );
  }
  return decision;
}
