// Every function run executes inside a log context: its log lines (the app's, the domain's through the runtime,
// and the SDK's) carry the id of the request that caused it, read from the event's `meta.sessions.request`
// (set from the outbox row, inngest/events.ts). Runs of cron events have none. Each run's end is logged once (at
// debug level when it completed).
import { Middleware } from "inngest";
import { withRequestContext } from "@/lib/request-context";
import { log } from "./log";
import { REQUEST_SESSION } from "./events";

const requestIdOf = (ctx: Middleware.WrapFunctionHandlerArgs["ctx"]): string | undefined => {
  const sessions = (ctx.event as { meta?: { sessions?: Record<string, unknown> } }).meta?.sessions;
  const id = sessions?.[REQUEST_SESSION];
  return typeof id === "string" ? id : undefined;
};

const runFields = (ctx: Middleware.WrapFunctionHandlerArgs["ctx"], fn: Middleware.WrapFunctionHandlerArgs["fn"]) => ({
  fn: fn.id(),
  event: ctx.event.name,
  eventId: ctx.event.id,
  runId: ctx.runId,
  attempt: ctx.attempt,
});

export class RunContextMiddleware extends Middleware.BaseMiddleware {
  readonly id = "tidings-run-context";

  override wrapFunctionHandler({ ctx, next }: Middleware.WrapFunctionHandlerArgs): Promise<unknown> {
    return withRequestContext(requestIdOf(ctx), () => next());
  }

  // Debug: a line per run that went well is detail (several per post); failures are warnings, errors when final.
  override onRunComplete({ ctx, fn }: Middleware.OnRunCompleteArgs): void {
    withRequestContext(requestIdOf(ctx), () => log.debug("function run completed", runFields(ctx, fn)));
  }

  // A warning, not an error: in the embedded mode a failed run is retried later from the outbox (which logs the
  // error when it gives up); managed, Inngest retries it and shows the final failure in its dashboard.
  override onRunError({ ctx, fn, error, isFinalAttempt }: Middleware.OnRunErrorArgs): void {
    withRequestContext(requestIdOf(ctx), () =>
      log.warn("function run failed", { ...runFields(ctx, fn), finalAttempt: isFinalAttempt, error }),
    );
  }
}
