// The one error type every layer throws, and the HTTP status of each code (errorStatus, here). lib/http/errors.ts
// turns anything else thrown into an AppError; errorResponse in lib/http/route.ts answers with the error envelope.
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** A workspace requires two-step sign-in and the caller has not turned it on. */
  MFA_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/** What each code means to a client, shown at its anchor on the API reference page (errorDocsPath). */
export const errorMeaning: Record<ErrorCode, string> = {
  BAD_REQUEST:
    "The request could not be read: the body is not JSON, the path's percent-encoding is malformed, or the Idempotency-Key header is malformed. Fix the request; retrying it unchanged gives the same answer.",
  UNAUTHENTICATED:
    "No credentials, or credentials that are not valid any more: send `Authorization: Bearer <token>` with a live API token (or sign in).",
  FORBIDDEN:
    "You are known but may not do this: the API token lacks the scope the operation names, your role does not allow it, or a cookie-authenticated change came from another site. `message` says which.",
  MFA_REQUIRED:
    "The workspace requires two-step sign-in and you have not turned it on. Everything in that workspace answers this, API tokens included, until you turn it on in your security settings.",
  NOT_FOUND:
    "Nothing you can see has this id: it does not exist, was deleted, is in another workspace, or is hidden from you (a private channel). The API does not tell these apart.",
  CONFLICT:
    "The request conflicts with the current state: a name already taken, an invite already accepted, a channel you have not joined, or a request with the same Idempotency-Key still running.",
  GONE: "The thing existed but is over: an expired or revoked invite, a link already used.",
  PAYLOAD_TOO_LARGE: "The body (or the file) is over the operation's size limit; `message` gives the limit.",
  UNSUPPORTED_MEDIA_TYPE:
    "The body is not sent as `application/json` (or the file's type is not accepted); `message` says what is expected.",
  VALIDATION_FAILED:
    "The input failed validation: `details` lists each problem as `{ path, message }` (a body field, a path parameter, a query parameter such as `cursor` or `limit`). The same key reused with another request also answers this.",
  RATE_LIMITED:
    "Too many requests: wait the `Retry-After` seconds. Every response carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` so a client can pace itself.",
  INTERNAL:
    "A bug on our side; the error was logged with the request id (`x-request-id`). Retrying may work; if it keeps happening, report the request id.",
  UNAVAILABLE:
    "A service Tidings depends on (the database) is not answering right now. Nothing acknowledged was lost; retry after `Retry-After` seconds.",
};

/** The API reference page, and each error code's anchor on it (the error envelope's `docs` link). */
export const apiDocsPath = "/docs/api";
export const errorDocsAnchor = (code: ErrorCode) => `error-${code.toLowerCase()}`;
export const errorDocsPath = (code: ErrorCode) => `${apiDocsPath}#${errorDocsAnchor(code)}`;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message: string) => new AppError("FORBIDDEN", message);
export const conflict = (message: string, details?: unknown) => new AppError("CONFLICT", message, details);

/** Prisma's codes for "the database did not answer": unreachable, timed out, pool exhausted, transaction timed out. */
const unavailablePrismaCodes = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** PostgreSQL's: statement timeout, shutting down / starting up, too many connections, connection failures. */
const unavailableSqlStates = new Set(["57014", "57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08006"]);
const unavailableAdapterKinds = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);
/** Ours: the database did not answer, the embedded one is locked by another process, or its worker thread is gone. */
const unavailableErrorNames = new Set([
  "DatabaseUnavailableError",
  "EmbeddedDatabaseLockedError",
  "EmbeddedDatabaseGoneError",
]);
const unavailableMessages =
  /connection timeout|Connection terminated|timeout exceeded when trying to connect|Query read timeout|ECONNREFUSED/i;

/**
 * Why this error means the database is not answering (rather than a bug), or undefined. Duck-typed over the whole
 * `cause` chain, so no layer above lib/data needs Prisma or the drivers: Prisma's error codes, the driver adapter's
 * error kinds and SQLSTATEs, node-postgres' connection and read timeouts, the embedded database's lock and worker.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  for (let e = error as Record<string, unknown> | null | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") return undefined;
    const message = typeof e.message === "string" ? e.message : "";
    if (unavailableErrorNames.has(String(e.name))) return message;
    if (typeof e.code === "string" && unavailablePrismaCodes.has(e.code)) return message;
    // The driver adapter's error: wrapped by Prisma's client, or as thrown to a raw read (lib/data/db/raw-read.ts).
    type AdapterCause = { kind?: string; code?: string; message?: string } | undefined;
    const adapter =
      e.name === "DriverAdapterError"
        ? (e.cause as AdapterCause)
        : (e.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined)?.driverAdapterError?.cause;
    if (adapter && (unavailableAdapterKinds.has(adapter.kind ?? "") || unavailableSqlStates.has(adapter.code ?? ""))) {
      return adapter.message ?? adapter.kind;
    }
    if (unavailableMessages.test(message)) return message;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return undefined;
}
