// An operation's contract: method, path, inputs and response, in one object that the route wrapper
// enforces and the OpenAPI document is generated from. Routes cannot drift from their documentation.
import type { z } from "zod";
import type { Scope } from "./enums";
import { errorStatus, type ErrorCode } from "@/lib/errors";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type Contract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  G extends boolean = boolean,
  N extends { filename?: string } | undefined = { filename?: string } | undefined,
> = {
  operationId: string;
  method: HttpMethod;
  /** OpenAPI path under /api/v1, with {param} placeholders. */
  path: string;
  summary: string;
  tag: string;
  /** "none": anyone may call it; otherwise a session or a token holding `scope`. */
  auth: "none" | { scope: Scope };
  /** Also accepts the operator's HEALTH_TOKEN as the Bearer token (the handler sees `operator: true`). */
  operatorToken?: true;
  params?: P;
  query?: Q;
  body?: B;
  /** Maximum body size in bytes (default 64 KiB). */
  maxBodyBytes?: number;
  response: R;
  /** Lists answer { data: [...], nextCursor }. */
  paginated?: G;
  /** A list's fields beside data and nextCursor (e.g. an unread count): { data, nextCursor, ...pageMeta }. */
  pageMeta?: z.ZodObject;
  /** The response body is the value itself, not { data }: only for documents other tools read (openapi.json). */
  unwrapped?: true;
  /**
   * The response is JSON Lines (`application/x-ndjson`), streamed as it is read: the handler returns an async
   * iterable, and each item, parsed by `response`, is one line. A `filename` makes it a download.
   */
  ndjson?: N;
  status: 200 | 201 | 204;
  /**
   * The most SQL statements one call may send (transaction control aside), authentication included: the
   * statement-count guard (tests/integration/statement-count.test.ts) fails when an operation sends more.
   */
  maxStatements: number;
  /**
   * The response carries a secret shown once (a new API token): a retry with the same Idempotency-Key is not given
   * it again, but a 409 naming what the first request created. Nothing secret is stored.
   */
  secretResponse?: true;
  /** Errors particular to this operation (CONFLICT, GONE, …); those its shape implies are derived by possibleErrors. */
  errors?: ErrorCode[];
};

export function contract<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  const G extends boolean = false,
  const N extends { filename?: string } | undefined = undefined,
>(c: Contract<P, Q, B, R, G, N>): Contract<P, Q, B, R, G, N> {
  return c;
}

/**
 * Every error the operation can answer, derived from its shape (what route() in lib/http/route.ts does with it)
 * plus its own `errors`, in status order:
 * - a body: not JSON (400), too large (413), not sent as JSON (415), fails its schema (422)
 * - auth with a scope: no credentials (401), a token without the scope or a cross-site cookie change (403)
 * - path parameters: fail their schema (422), name nothing the caller can see (404), or a workspace that requires
 *   two-step sign-in the caller has not turned on (403 MFA_REQUIRED)
 * - a query: fails its schema (422)
 * - a write: a malformed Idempotency-Key (400), the key in use by a request still running (409), or sent before
 *   with another request (422)
 * - every call counts against a rate limit (429)
 */
export function possibleErrors(c: Contract): ErrorCode[] {
  const codes = new Set<ErrorCode>(["RATE_LIMITED"]);
  const add = (...more: ErrorCode[]) => more.forEach((code) => codes.add(code));
  if (c.body) add("BAD_REQUEST", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "VALIDATION_FAILED");
  if (c.auth !== "none") add("UNAUTHENTICATED", "FORBIDDEN");
  if (c.params) add("NOT_FOUND", "VALIDATION_FAILED", "MFA_REQUIRED");
  if (c.query) add("VALIDATION_FAILED");
  if (c.method !== "GET" && c.auth !== "none") add("BAD_REQUEST", "CONFLICT", "VALIDATION_FAILED");
  add(...(c.errors ?? []));
  return [...codes].sort((a, b) => errorStatus[a] - errorStatus[b]);
}
