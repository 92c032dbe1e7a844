// Any thrown value → an AppError. Unknown errors become a logged 500 with a generic message.
import { z } from "zod";
import { AppError, databaseUnavailableReason, errorDocsPath, type ErrorCode } from "@/lib/errors";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** Where the envelope's `docs` link points: the code's anchor on the API reference page of this deployment. */
export const errorDocsUrl = (code: ErrorCode) => new URL(errorDocsPath(code), env.APP_URL).href;

/** The one error envelope: `{ error: { code, message, details?, docs } }`. */
export function errorBody(code: ErrorCode, message: string, details?: unknown) {
  return { error: { code, message, ...(details === undefined ? {} : { details }), docs: errorDocsUrl(code) } };
}

export function zodDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function validationError(error: z.ZodError, where: string): AppError {
  const first = error.issues[0];
  const at = first && first.path.length ? ` at \`${first.path.join(".")}\`` : "";
  return new AppError("VALIDATION_FAILED", `Invalid ${where}${at}: ${first?.message ?? "invalid"}`, zodDetails(error));
}

/** Retry-After of a 503 whose cause does not say when it may clear (a timeout). */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;

export function toAppError(error: unknown, context: Record<string, unknown>): AppError {
  if (error instanceof AppError) return error;
  // Constraint races the domain could not rule out beforehand (duck-typed: no Prisma import here).
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002") return new AppError("CONFLICT", "That already exists");
  if (code === "P2025") return new AppError("NOT_FOUND", "Not found");
  const unavailable = databaseUnavailableReason(error);
  if (unavailable !== undefined) {
    log.warn("database unavailable: answering 503", { ...context, reason: unavailable });
    const retryAfter = (error as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    return new AppError("UNAVAILABLE", "The database is not answering right now. Try again in a few seconds.", {
      retryAfterSeconds: typeof retryAfter === "number" ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS,
    });
  }
  log.error("unhandled error", { ...context, error });
  return new AppError("INTERNAL", "Something went wrong on our side. The error has been logged.");
}
