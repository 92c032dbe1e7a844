// Any thrown value → an AppError. Unknown errors become a logged 500 with a generic message.
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { log } from "@/lib/log";

export function zodDetails(error: z.ZodError) {
  return error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

export function validationError(error: z.ZodError, where: string): AppError {
  const first = error.issues[0];
  const at = first && first.path.length ? ` at \`${first.path.join(".")}\`` : "";
  return new AppError("VALIDATION_FAILED", `Invalid ${where}${at}: ${first?.message ?? "invalid"}`, zodDetails(error));
}

export function toAppError(error: unknown, context: Record<string, unknown>): AppError {
  if (error instanceof AppError) return error;
  // Constraint races the domain could not rule out beforehand (duck-typed: no Prisma import here).
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002") return new AppError("CONFLICT", "That already exists");
  if (code === "P2025") return new AppError("NOT_FOUND", "Not found");
  log.error("unhandled error", { ...context, error });
  return new AppError("INTERNAL", "Something went wrong on our side. The error has been logged.");
}
