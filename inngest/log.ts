// The Inngest SDK's logger, writing through the app's one-line JSON log (lib/log.ts).
import { log, writeLog } from "@/lib/log";

export { log };

/**
 * The SDK's logger (ctx.logger in functions, and its own reports). A failing step is retried, so the SDK's
 * "step error" / "function error" are warnings here; a run that fails for good is logged as an error by
 * whoever runs it (the embedded executor, or Inngest's dashboard when managed).
 */
function fromSdk(level: "info" | "warn", args: unknown[]) {
  const message = args.find((a): a is string => typeof a === "string") ?? "inngest";
  const fields = args
    .filter((a) => typeof a !== "string")
    .reduce<Record<string, unknown>>(
      (acc, a) =>
        a && typeof a === "object" && !(a instanceof Error)
          ? { ...acc, ...(a as Record<string, unknown>) }
          : { ...acc, detail: a },
      {},
    );
  writeLog(level, message, fields);
}

export const sdkLogger = {
  debug: () => {},
  info: (...args: unknown[]) => fromSdk("info", args),
  warn: (...args: unknown[]) => fromSdk("warn", args),
  error: (...args: unknown[]) => fromSdk("warn", args),
};
