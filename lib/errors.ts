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
const unavailableMessages =
  /connection timeout|Connection terminated|timeout exceeded when trying to connect|Query read timeout|ECONNREFUSED/i;

/**
 * Why this error means the database is not answering (rather than a bug), or undefined. Duck-typed over the whole
 * `cause` chain, so no layer above lib/data needs Prisma or the drivers: Prisma's error codes, the driver adapter's
 * error kinds and SQLSTATEs, node-postgres' connection and read timeouts, the embedded database's lock.
 */
export function databaseUnavailableReason(error: unknown): string | undefined {
  for (let e = error as Record<string, unknown> | null | undefined, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") return undefined;
    const message = typeof e.message === "string" ? e.message : "";
    if (e.name === "DatabaseUnavailableError" || e.name === "EmbeddedDatabaseLockedError") return message;
    if (typeof e.code === "string" && unavailablePrismaCodes.has(e.code)) return message;
    const adapter = (e.meta as { driverAdapterError?: { cause?: { kind?: string; code?: string; message?: string } } })
      ?.driverAdapterError?.cause;
    if (adapter && (unavailableAdapterKinds.has(adapter.kind ?? "") || unavailableSqlStates.has(adapter.code ?? ""))) {
      return adapter.message ?? adapter.kind;
    }
    if (unavailableMessages.test(message)) return message;
    e = e.cause as Record<string, unknown> | undefined;
  }
  return undefined;
}
