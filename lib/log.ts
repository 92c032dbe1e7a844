// Structured one-line JSON logs; the request id ties a request to the background work it causes.
import { env } from "@/lib/env";
import { currentRequestId } from "@/lib/request-context";

export type LogLevel = "debug" | "info" | "warn" | "error";

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, "silent">;

export function writeLog(level: Level, message: string, fields: Record<string, unknown>) {
  if (levels[level] < levels[env.LOG_LEVEL]) return;
  // Every line written while serving a request, or a background run a request caused, carries its id.
  const requestId = currentRequestId();
  const line = JSON.stringify(
    { level, time: new Date().toISOString(), message, ...(requestId ? { requestId } : {}), ...fields },
    (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v),
  );
  if (level === "error") console.error(line);
  else if (level === "warn") console.warn(line);
  else console.log(line);
}

export const log = {
  debug: (message: string, fields: Record<string, unknown> = {}) => writeLog("debug", message, fields),
  info: (message: string, fields: Record<string, unknown> = {}) => writeLog("info", message, fields),
  warn: (message: string, fields: Record<string, unknown> = {}) => writeLog("warn", message, fields),
  error: (message: string, fields: Record<string, unknown> = {}) => writeLog("error", message, fields),
};
