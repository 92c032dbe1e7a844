// route(contract, handler): Receive → Authenticate → Validate → (domain: Process, Persist) → Respond.
import "server-only";
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { actorFromRequest, hasSessionCookie } from "@/lib/auth/resolve-actor";
import { hasScope, type Actor } from "@/lib/domain/actor";
import { takeRateLimit, type RateLimitDetails } from "@/lib/domain/rate-limits";
import { AppError } from "@/lib/errors";
import { countStatements, noteClientAddress, withRequestContext } from "@/lib/request-context";
import { env } from "@/lib/env";
import type { Contract } from "@/lib/validation/contract";
import { relayRecordedOutbox } from "./after-response";
import { readJsonBody } from "./body";
import { idempotencyKeyOf, replayResponse } from "./idempotency";
import {
  beginIdempotentRequest,
  finishIdempotentRequest,
  idempotencyConflictResponse,
  requestFingerprint,
} from "@/lib/domain/idempotency/idempotent-request";
import { crossSiteMessage, isSameOrigin, UNSAFE_METHODS } from "./same-origin";
import { clientAddress } from "@/lib/auth/client-address";
import { hasOperatorToken } from "@/lib/auth/operator-token";
import { DEFAULT_RETRY_AFTER_SECONDS, errorBody, toAppError, validationError } from "./errors";
import { log } from "@/lib/log";

type Out<T> = [Exclude<T, undefined>] extends [never] ? undefined : z.output<Exclude<T, undefined> & z.ZodType>;

export type RouteInput<C extends Contract> = {
  actor: C["auth"] extends "none" ? Actor | null : Actor;
  params: Out<C["params"]>;
  query: Out<C["query"]>;
  body: Out<C["body"]>;
  /** The request carried the operator's HEALTH_TOKEN (only for contracts with `operatorToken`). */
  operator: boolean;
  requestId: string;
};

type PageMeta<C extends Contract> = C["pageMeta"] extends z.ZodObject ? z.input<C["pageMeta"]> : unknown;

type Result<C extends Contract> = [NonNullable<C["ndjson"]>] extends [never]
  ? NonNullable<C["paginated"]> extends true
    ? { items: z.input<C["response"]>; nextCursor: string | null } & PageMeta<C>
    : z.input<C["response"]>
  : AsyncIterable<z.input<C["response"]>>;

type NextContext = { params: Promise<Record<string, string | string[]>> };

export type RouteHandler<C extends Contract> = ((req: Request, ctx: NextContext) => Promise<Response>) & {
  contract: C;
};

export function route<C extends Contract>(
  c: C,
  handler: (input: RouteInput<C>) => Promise<Result<C>>,
): RouteHandler<C> {
  const fn = (req: Request, ctx: NextContext): Promise<Response> => {
    const requestId = req.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    return withRequestContext(
      requestId,
      async () => {
        try {
          if (env.SERVER_TIMING !== "on") return await handle(req, ctx, requestId);
          const { result, statements } = await countStatements(() => handle(req, ctx, requestId));
          result.headers.set("server-timing", `sql;desc="${statements} statements"`);
          return result;
        } finally {
          // Failed requests too: a transaction may have committed before the error.
          relayRecordedOutbox();
        }
      },
      { relaysAfter: true },
    );
  };
  const handle = async (req: Request, ctx: NextContext, requestId: string): Promise<Response> => {
    let idempotent = false;
    noteClientAddress(clientAddress(req.headers));
    try {
      refuseCrossSite(req);
      const operator = c.operatorToken === true && hasOperatorToken(req.headers);
      const actor = operator ? null : await authenticate(req, c);
      const caller = actor ? callerOf(actor) : undefined;
      const limit = await takeRateLimit(actor ? "api" : "api-anonymous", caller ?? clientAddress(req.headers));
      const key = caller ? idempotencyKeyOf(req) : undefined;
      const params = parse(c.params, await ctx.params, "path parameters");
      const query = parse(c.query, Object.fromEntries(new URL(req.url).searchParams), "query string");
      const raw = c.body ? await readJsonBody(req, c.maxBodyBytes) : undefined;
      const body = c.body ? parse(c.body, raw, "request body") : undefined;
      const headers = { "x-request-id": requestId, ...rateLimitHeaders(limit.limit, limit.remaining, limit.resetAt) };
      if (caller && key) {
        const stored = await beginIdempotentRequest(caller, key, requestFingerprint(req.method, new URL(req.url), raw));
        if (stored) return replayResponse(stored, headers);
        idempotent = true;
      }
      const result = await handler({ actor, params, query, body, operator, requestId } as RouteInput<C>);
      const response = respond(c, result, headers);
      if (idempotent) await recordOutcome(c.secretResponse ? secretShownOnce(result, requestId) : response);
      return response;
    } catch (thrown) {
      let error = thrown;
      if (idempotent) {
        const replay = await idempotencyConflictResponse(thrown).catch((e: unknown) => ((error = e), undefined));
        if (replay) return replayResponse(replay, { "x-request-id": requestId });
      }
      const response = errorResponse(toAppError(error, { requestId, operation: c.operationId }), requestId);
      if (idempotent) await recordOutcome(response);
      return response;
    }
  };
  return Object.assign(fn, { contract: c });
}

/** Who is calling, for the rate limiter and the Idempotency-Key store: the API token, else the person. */
const callerOf = (actor: Actor) => (actor.tokenId ? `token:${actor.tokenId}` : `user:${actor.userId}`);

/** The write has answered: keep the answer for a retry with the same key. Its effect stands even if this fails. */
async function recordOutcome(response: Response) {
  try {
    await finishIdempotentRequest({ status: response.status, body: await response.clone().text() });
  } catch (error) {
    log.warn("could not record an idempotent outcome", { reason: (error as Error).message });
  }
}

/** What a retry of a write whose answer held a secret gets: not the secret (never stored), but what was made. */
function secretShownOnce(result: unknown, requestId: string): Response {
  const id = (result as { id?: unknown } | null)?.id;
  const message =
    "The first request with this Idempotency-Key succeeded; its secret was in that response only. If it was lost, revoke what it created and create another";
  return errorResponse(new AppError("CONFLICT", message, typeof id === "string" ? { id } : undefined), requestId);
}

/** A cookie-authenticated change must come from the app's own pages (CSRF); Bearer-token calls are not at risk. */
function refuseCrossSite(req: Request) {
  if (!UNSAFE_METHODS.has(req.method) || req.headers.has("authorization") || !hasSessionCookie(req.headers)) return;
  if (!isSameOrigin(req.headers)) throw new AppError("FORBIDDEN", crossSiteMessage);
}

async function authenticate(req: Request, c: Contract): Promise<Actor | null> {
  const actor = await actorFromRequest(req);
  if (c.auth === "none") return actor;
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in, or send an API token as `Authorization: Bearer <token>`");
  if (!hasScope(actor, c.auth.scope)) {
    throw new AppError("FORBIDDEN", `This API token lacks the \`${c.auth.scope}\` scope`);
  }
  return actor;
}

function parse(schema: z.ZodType | undefined, value: unknown, where: string): unknown {
  if (!schema) return undefined;
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data;
}

/** The IETF draft's RateLimit-* fields (reset in seconds from now), so clients can pace themselves. */
function rateLimitHeaders(limit: number, remaining: number, resetAt: number): Record<string, string> {
  return {
    "ratelimit-limit": String(limit),
    "ratelimit-remaining": String(remaining),
    "ratelimit-reset": String(Math.max(0, Math.ceil((resetAt - Date.now()) / 1000))),
  };
}

function respond(c: Contract, result: unknown, headers: Record<string, string>): Response {
  if (c.status === 204) return new Response(null, { status: 204, headers });
  if (c.ndjson) return jsonLines(c, result as AsyncIterable<unknown>, headers);
  if (c.paginated) {
    const page = result as { items: unknown; nextCursor: string | null };
    const meta: unknown = c.pageMeta ? c.pageMeta.parse(result) : {};
    return Response.json(
      { data: c.response.parse(page.items), nextCursor: page.nextCursor, ...(meta as object) },
      { status: c.status, headers },
    );
  }
  const data: unknown = c.response.parse(result);
  return Response.json(c.unwrapped ? data : { data }, { status: c.status, headers });
}

/**
 * One JSON line per item, pulled from the handler's iterable only as the client reads (bounded memory for any size).
 * The status is sent before the first row: a failure later ends the stream early, and is logged.
 */
function jsonLines(c: Contract, rows: AsyncIterable<unknown>, headers: Record<string, string>): Response {
  const iterator = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`${JSON.stringify(c.response.parse(next.value))}\n`));
      } catch (error) {
        log.warn("stream failed", { requestId: headers["x-request-id"], reason: (error as Error).message });
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  const filename = c.ndjson?.filename;
  return new Response(stream, {
    status: c.status,
    headers: {
      ...headers,
      "content-type": "application/x-ndjson; charset=utf-8",
      ...(filename ? { "content-disposition": `attachment; filename="${filename}"` } : {}),
    },
  });
}

export function errorResponse(error: AppError, requestId: string): Response {
  if (error.status >= 500) log.warn("request failed", { requestId, code: error.code });
  const headers: Record<string, string> = { "x-request-id": requestId };
  if (error.code === "RATE_LIMITED") {
    const { limit, retryAfterSeconds } = error.details as RateLimitDetails;
    Object.assign(headers, rateLimitHeaders(limit, 0, Date.now() + retryAfterSeconds * 1000), {
      "retry-after": String(retryAfterSeconds),
    });
  }
  if (error.code === "UNAVAILABLE") {
    const retryAfter = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    headers["retry-after"] = String(typeof retryAfter === "number" ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS);
  }
  return Response.json(errorBody(error.code, error.message, error.details), { status: error.status, headers });
}
