// One line per event: JSON in production, CI and pipes (what log collectors read), and in development on a
// terminal a pretty, coloured line (time, level, message, key=value fields). LOG_FORMAT overrides the choice.
// The request id ties a request to the background work it causes.
import { inspect } from "node:util";
import { env } from "@/lib/env";
import { currentRequestId } from "@/lib/request-context";

export type LogLevel = "debug" | "info" | "warn" | "error";

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof levels, "silent">;
export type LogEntry = { level: Level; time: string; message: string } & Record<string, unknown>;
export type LogFormat = "json" | "pretty";

const errorFields = (v: unknown) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v);

/** auto: pretty only for a person at a development terminal. */
export function chooseLogFormat(setting: typeof env.LOG_FORMAT, nodeEnv: typeof env.NODE_ENV, tty: boolean): LogFormat {
  if (setting !== "auto") return setting;
  return nodeEnv === "development" && tty ? "pretty" : "json";
}

const levelStyle = { debug: "gray", info: "green", warn: "yellow", error: "red" } as const;

function prettyValue(value: unknown): string {
  if (value instanceof Error) return JSON.stringify(`${value.name}: ${value.message}`);
  if (typeof value === "string") return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_k, v: unknown) => errorFields(v)) ?? String(value);
}

export function formatLogLine(entry: LogEntry, format: LogFormat, colour = format === "pretty"): string {
  if (format === "json") return JSON.stringify(entry, (_k, v: unknown) => errorFields(v));
  const { level, time, message, ...fields } = entry;
  const paint = (style: keyof typeof inspect.colors, text: string) => {
    const [open, close] = inspect.colors[style] ?? [];
    return colour && open !== undefined ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  };
  const pairs = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${paint("cyan", `${k}=`)}${prettyValue(v)}`);
  return [paint("dim", time.slice(11, 23)), paint(levelStyle[level], level.toUpperCase().padEnd(5)), message, ...pairs]
    .join(" ")
    .replace(/\r?\n/g, "\\n");
}

const format = chooseLogFormat(env.LOG_FORMAT, env.NODE_ENV, process.stdout.isTTY === true);

export function writeLog(level: Level, message: string, fields: Record<string, unknown>) {
  if (levels[level] < levels[env.LOG_LEVEL]) return;
  // Every line written while serving a request, or a background run a request caused, carries its id.
  const requestId = currentRequestId();
  const line = formatLogLine(
    { level, time: new Date().toISOString(), message, ...(requestId ? { requestId } : {}), ...fields },
    format,
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
