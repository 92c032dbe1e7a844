// OpenAPI 3.1, generated from the contracts' zod schemas (zod-openapi), never written by hand.
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { errorStatus } from "@/lib/errors";
import { contracts } from "./api";
import { possibleErrors } from "./contract";
import { errorEnvelope } from "./common";
import { z } from "zod";
import { webhookOperations } from "./webhooks-openapi";

const errorDescriptions: Record<number, string> = {
  400: "Malformed request (e.g. the body is not JSON)",
  401: "Missing or invalid credentials",
  403: "Not allowed",
  404: "Not found, or not visible to you",
  409: "Conflicts with the current state",
  413: "Body too large",
  415: "Body is not JSON",
  422: "Input failed validation; `details` lists each problem",
  429: "Too many requests: wait `Retry-After` seconds",
};

// Every call counts against the caller's allowance (per API token or person; per client address without one).
const rateLimitHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed in the current window" }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in the current window" }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window ends" }),
});
const retryAfterHeaders = z.object({
  "Retry-After": z.string().meta({ description: "Seconds to wait before trying again" }),
});

// Every authenticated write: a retry with the same key gets the first answer back instead of a second effect.
const idempotencyHeader = z.object({
  "Idempotency-Key": z.string().min(1).max(255).optional().meta({
    description:
      "Any unique string (a UUID): a retry with the same key and the same request gets the first response back, with `Idempotent-Replayed: true`, and changes nothing. The same key with another request is a 422; while the first is still running, a 409. Kept 24 hours per caller.",
  }),
});
const replayedHeaders = z.object({
  "Idempotent-Replayed": z.string().optional().meta({
    description: "`true` when this is the stored response of an earlier request with the same Idempotency-Key",
  }),
});

const pageCursor = z.string().nullable().meta({
  description:
    "Pass it as `cursor` to get the next page; null on the last page. Opaque: it names the last item shown, so rows added meanwhile neither repeat nor go missing.",
});

export function buildOpenApiDocument(serverUrl: string) {
  const paths: ZodOpenApiPathsObject = {};
  for (const c of contracts) {
    const write = c.method !== "GET" && c.auth !== "none";
    const successHeaders = write ? rateLimitHeaders.extend(replayedHeaders.shape) : rateLimitHeaders;
    const responses: ZodOpenApiOperationObject["responses"] = {
      [c.status]:
        c.status === 204
          ? { description: "Done", headers: successHeaders }
          : {
              description: c.ndjson ? "JSON Lines: one object of this schema per line, streamed" : "Success",
              headers: successHeaders,
              content: c.ndjson
                ? { "application/x-ndjson": { schema: c.response } }
                : {
                    "application/json": {
                      schema: c.paginated
                        ? z.object({ data: c.response, nextCursor: pageCursor, ...c.pageMeta?.shape })
                        : c.unwrapped
                          ? c.response
                          : z.object({ data: c.response }),
                    },
                  },
            },
    };
    for (const code of new Set(possibleErrors(c).map((e) => errorStatus[e]))) {
      responses[String(code) as `4${string}`] = {
        description: errorDescriptions[code] ?? "Error",
        ...(code === errorStatus.RATE_LIMITED ? { headers: retryAfterHeaders.extend(rateLimitHeaders.shape) } : {}),
        content: { "application/json": { schema: errorEnvelope } },
      };
    }
    const operation: ZodOpenApiOperationObject = {
      operationId: c.operationId,
      summary: c.summary,
      tags: [c.tag],
      ...(c.auth === "none"
        ? { security: [] }
        : { description: `Required scope for API tokens: \`${c.auth.scope}\`.` }),
      requestParams: {
        ...(c.params ? { path: c.params as z.ZodObject } : {}),
        ...(c.query ? { query: c.query as z.ZodObject } : {}),
        ...(write ? { header: idempotencyHeader } : {}),
      },
      ...(c.body ? { requestBody: { required: true, content: { "application/json": { schema: c.body } } } } : {}),
      responses,
    };
    paths[c.path] = { ...paths[c.path], [c.method.toLowerCase()]: operation };
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Tidings API",
      version: "1.0.0",
      description:
        "Workspaces, channels, posts and comments. Every response is `{ data }` or `{ error: { code, message, details } }`; every response carries `x-request-id` and the `RateLimit-*` headers; over the limit, a 429 says when to retry (`Retry-After`).",
    },
    servers: [{ url: `${serverUrl.replace(/\/$/, "")}/api/v1` }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "An API token (`tid_…`) created on the workspace's API tokens page.",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: "authjs.session-token" },
      },
    },
    paths,
    webhooks: webhookOperations(),
  });
}
