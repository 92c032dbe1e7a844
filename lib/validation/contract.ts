// An operation's contract: method, path, inputs and response, in one object that the route wrapper
// enforces and the OpenAPI document is generated from. Routes cannot drift from their documentation.
import type { z } from "zod";
import type { Scope } from "./enums";
import type { ErrorCode } from "@/lib/errors";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export type Contract<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
  G extends boolean = boolean,
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
  /** The response body is the value itself, not { data }: only for documents other tools read (openapi.json). */
  unwrapped?: true;
  status: 200 | 201 | 204;
  errors: ErrorCode[];
};

export function contract<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  const G extends boolean = false,
>(c: Contract<P, Q, B, R, G>): Contract<P, Q, B, R, G> {
  return c;
}
