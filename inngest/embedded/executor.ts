// The embedded executor: drives the functions over the protocol Inngest's own executor speaks (step memoization,
// one new step per call), so step ids, parallelism and retries are the SDK's. Each call goes either through the real
// serve() handler (signed POSTs, as Inngest sends them) or, with `direct`, straight into the SDK's execution engine
// for that function, which is what serve() runs after checking the signature: the same answers without a Request, two
// HMACs and the JSON both ways per call (step data still takes a JSON round trip, as over the wire).
// It is deliberately small; what it does NOT do:
// - no distribution: runs live in this process's memory. Durability comes from the outbox, which marks a row
//   sent only after its runs completed and re-delivers pending rows (start-up, sweep);
// - no waitForEvent, invoke, concurrency keys, throttling, debouncing, cancellation or onFailure handlers;
// - cron triggers are matched in UTC, once a minute, by the scheduler (./scheduler.ts).
// A trigger's `if` expression is evaluated as Inngest does (CEL, with the event as `event`): a function whose every
// trigger for the event says no is not run at all.
import "server-only";
import { createHmac, randomUUID } from "node:crypto";
import { parse as parseCel } from "@marcbachmann/cel-js";
import canonicalize from "canonicalize";
import type { Inngest, InngestFunction } from "inngest";

export type EmbeddedEvent = {
  id: string;
  name: string;
  data: unknown;
  ts: number;
  meta?: { sessions?: Record<string, string> };
};
type MemoStep = { type: "data"; data: unknown } | { type: "error"; error: unknown };
type Op = { op: string; id: string; name?: string; data?: unknown; error?: unknown; opts?: Record<string, unknown> };
type Handler = { POST: (req: never, res: unknown) => Promise<Response> };

export type ExecutorOptions = {
  client: Inngest.Any;
  functions: readonly InngestFunction.Any[];
  handler: Handler;
  signingKey: string;
  /** Call the SDK's execution engine in-process instead of the serve() handler (see the top of this file). */
  direct?: boolean;
  /** Delay before retry `attempt` (1-based) of a failed step or function. */
  backoffMs?: (attempt: number) => number;
  /** Longest step.sleep honoured; longer sleeps are cut short (runs do not survive restarts anyway). */
  maxSleepMs?: number;
  onRunFailed?: (info: { fn: string; eventId: string; error: unknown }) => void;
};

export class RunFailedError extends Error {
  constructor(
    readonly fn: string,
    readonly details: unknown,
  ) {
    super(`${fn} failed: ${(details as { message?: string } | null)?.message ?? JSON.stringify(details)}`);
    this.name = "RunFailedError";
  }
}

const durationMs = (text: string): number | undefined => {
  const m = /^(\d+)\s*(ms|s|m|h|d|w)$/.exec(text);
  if (!m) return undefined;
  const unit = { ms: 1, s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 }[m[2] as "ms"];
  return Number(m[1]) * unit;
};

/** An event's sessions as Inngest hands them to a function: string values only (null cuts one, numbers become text). */
function metaOf(meta: unknown): Pick<EmbeddedEvent, "meta"> {
  const sessions = (meta as { sessions?: unknown } | null | undefined)?.sessions;
  if (!sessions || typeof sessions !== "object") return {};
  const kept = Object.entries(sessions).filter(
    (entry): entry is [string, string | number] => typeof entry[1] === "string" || typeof entry[1] === "number",
  );
  return kept.length ? { meta: { sessions: Object.fromEntries(kept.map(([k, v]) => [k, String(v)])) } } : {};
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** X-Inngest-Signature as Inngest signs its calls: HMAC-SHA256(key without "signkey-*-", canonical body + t). */
export function signRequest(body: unknown, signingKey: string, now = Date.now()): string {
  const t = Math.round(now / 1000).toString();
  const key = signingKey.replace(/^signkey-\w+-/, "");
  return `t=${t}&s=${createHmac("sha256", key)
    .update((canonicalize(body) ?? "") + t)
    .digest("hex")}`;
}

type CallBody = {
  event: EmbeddedEvent;
  events: EmbeddedEvent[];
  steps: Record<string, MemoStep>;
  version: 2;
  ctx: { run_id: string; attempt: number; stack: { stack: string[]; current: number } };
};

/** What the SDK's execution engine answers (inngest/components/execution/engine.js), as serve() maps it to HTTP. */
type ExecutionResult =
  | { type: "function-resolved"; data: unknown }
  | { type: "function-rejected"; error: unknown; retriable: boolean | string }
  | { type: "step-ran"; step: Op; retriable?: boolean | string }
  | { type: "steps-found"; steps: Op[] }
  | { type: "step-not-found"; step: { id: string } }
  | { type: "change-mode"; to: string };
type Executable = {
  createExecution(opts: { partialOptions: Record<string, unknown> }): { start(): Promise<ExecutionResult> };
};

type Trigger = { event?: string | { name: string }; if?: string; cron?: string };
const eventNameOf = (t: Trigger) => (typeof t.event === "string" ? t.event : t.event?.name);

/** `if` expressions, compiled once each. One that does not parse throws here, at the first event it is tested on. */
const conditions = new Map<string, (context: Record<string, unknown>) => unknown>();
function conditionHolds(expression: string | undefined, event: EmbeddedEvent): boolean {
  if (!expression) return true;
  let condition = conditions.get(expression);
  if (!condition) {
    condition = parseCel(expression);
    conditions.set(expression, condition);
  }
  try {
    return condition({ event: { name: event.name, data: event.data, id: event.id, ts: event.ts } }) === true;
  } catch {
    return false; // e.g. a field the event lacks: Inngest does not run the function either
  }
}

/** A value as it would arrive over the wire: JSON, `undefined` as null. */
const wire = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null)) as unknown;

/**
 * One call into the function's execution engine with the options serve() would build from the same body
 * (InngestCommHandler.runStep, inngest 4.24), answered as serve() would answer it: 200, 206 with ops, 400 or 500.
 */
async function callDirect(client: Inngest.Any, fn: InngestFunction.Any, body: CallBody, stepId: string) {
  const { event, events, steps, ctx } = body;
  const stepState = Object.fromEntries(
    Object.entries(steps).map(([id, s]) => [id, s.type === "data" ? { id, data: s.data } : { id, error: s.error }]),
  );
  const engine = (fn as unknown as Executable).createExecution({
    partialOptions: {
      client,
      runId: ctx.run_id,
      stepMode: "async",
      data: { event, events, runId: ctx.run_id, attempt: ctx.attempt },
      stepState,
      requestedRunStep: stepId === "step" ? undefined : stepId,
      handlerKind: "main",
      stepCompletionOrder: [...ctx.stack.stack],
      reqArgs: [],
      headers: {},
      requestStartedAt: Date.now(),
    },
  });
  const result = await engine.start();
  switch (result.type) {
    case "function-resolved":
      return { status: 200, json: wire(result.data) };
    case "function-rejected":
      return { status: result.retriable ? 500 : 400, json: wire(result.error) };
    case "step-ran":
      return { status: 206, json: wire([result.step]) };
    case "steps-found":
      return { status: 206, json: wire(result.steps) };
    default:
      return { status: 500, json: wire({ error: `execution answered ${result.type}` }) };
  }
}

export function createEmbeddedExecutor(options: ExecutorOptions) {
  const appId = options.client.id;
  const backoff = options.backoffMs ?? ((attempt: number) => Math.min(1000 * 2 ** (attempt - 1), 60_000));
  const maxSleepMs = options.maxSleepMs ?? 60_000;
  const inflight = new Set<Promise<unknown>>();
  /**
   * "eventId fnId" of runs that completed: a re-delivered event skips them. In memory and bounded (oldest
   * forgotten first): it saves work, correctness does not depend on it (effects are idempotent).
   */
  const completed = new Set<string>();
  const remember = (key: string) => {
    completed.add(key);
    if (completed.size > 10_000) completed.delete(completed.values().next().value as string);
  };
  let stopped = false;

  const triggersOf = (fn: InngestFunction.Any) => (fn.opts.triggers ?? []) as Trigger[];

  async function call(fn: InngestFunction.Any, body: CallBody, stepId = "step") {
    if (stopped) throw new Error("embedded executor stopped");
    if (options.direct) return callDirect(options.client, fn, body, stepId);
    const url = `http://embedded.invalid/api/inngest?fnId=${encodeURIComponent(fn.id(appId))}&stepId=${encodeURIComponent(stepId)}`;
    const req = new Request(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-inngest-req-version": "2",
        "x-inngest-signature": signRequest(body, options.signingKey),
      },
      body: JSON.stringify(body),
    });
    const res = await options.handler.POST(req as never, undefined);
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as unknown };
  }

  async function runFunction(fn: InngestFunction.Any, event: EmbeddedEvent): Promise<unknown> {
    const runId = randomUUID();
    const steps: Record<string, MemoStep> = {};
    const stack: string[] = [];
    const maxAttempts = ((fn.opts as { retries?: number }).retries ?? 3) + 1;
    const body = (attempt: number): CallBody => ({
      event,
      events: [event],
      steps,
      version: 2,
      ctx: { run_id: runId, attempt, stack: { stack, current: stack.length } },
    });
    const record = (id: string, step: MemoStep) => {
      steps[id] = step;
      stack.push(id);
    };
    const first = (json: unknown) => (Array.isArray(json) ? json[0] : json) as Op | undefined;

    /** Runs one planned or failed step until it succeeds, fails for good, or runs out of attempts. */
    async function runStep(op: Op, attempt: number): Promise<void> {
      let current: Op | undefined = op.op === "StepPlanned" ? undefined : op;
      for (let a = attempt; ; a++) {
        if (!current || current.op === "StepPlanned") {
          current = first((await call(fn, body(a), op.id)).json);
        }
        if (current?.op === "StepRun" || current?.op === "Step")
          return record(op.id, { type: "data", data: current.data ?? null });
        if (current?.op === "StepFailed") return record(op.id, { type: "error", error: current.error });
        if (current?.op !== "StepError")
          throw new Error(`embedded executor: unexpected answer ${JSON.stringify(current)} for step ${op.id}`);
        if (a + 1 >= maxAttempts) return record(op.id, { type: "error", error: current.error });
        await delay(backoff(a + 1));
        current = undefined;
      }
    }

    for (let attempt = 0, guard = 0; guard < 10_000; guard++) {
      const { status, json } = await call(fn, body(attempt));
      if (status === 200) return json;
      if (status !== 206) {
        // The function itself threw: retry it (memoized steps are not re-run), unless it said not to.
        const noRetry = status === 400 || status === 401; // NonRetriableError, or a refused signature
        if (!noRetry && attempt + 1 < maxAttempts) {
          attempt++;
          await delay(backoff(attempt));
          continue;
        }
        throw new RunFailedError(fn.id(), json);
      }
      const ops = (Array.isArray(json) ? json : [json]) as Op[];
      await Promise.all(
        ops.map(async (op) => {
          switch (op.op) {
            case "StepRun":
            case "Step":
              return record(op.id, { type: "data", data: op.data ?? null });
            case "StepFailed":
              return record(op.id, { type: "error", error: op.error });
            case "StepError":
            case "StepPlanned":
              return runStep(op, attempt);
            case "Sleep": {
              const name = op.name ?? "0s";
              const wait = durationMs(name) ?? Math.max(0, Date.parse(name) - Date.now());
              await delay(Math.min(wait, maxSleepMs));
              return record(op.id, { type: "data", data: null });
            }
            case "RunComplete":
              return record(op.id, { type: "data", data: op.data });
            default:
              throw new Error(`embedded executor: ${op.op} is not supported (see inngest/embedded/executor.ts)`);
          }
        }),
      );
    }
    throw new Error("embedded executor: too many steps");
  }

  function track<T>(p: Promise<T>): Promise<T> {
    inflight.add(p);
    void p.catch(() => {}).finally(() => inflight.delete(p));
    return p;
  }

  const functionsFor = (event: EmbeddedEvent) =>
    options.functions.filter((fn) =>
      triggersOf(fn).some((t) => eventNameOf(t) === event.name && conditionHolds(t.if, event)),
    );

  /** Runs every function the event triggers (skipping those already completed for this event id); rejects if one failed. */
  async function deliver(event: EmbeddedEvent): Promise<void> {
    const runs = functionsFor(event)
      .filter((fn) => !completed.has(`${event.id} ${fn.id()}`))
      .map((fn) =>
        track(
          runFunction(fn, event).then(
            () => remember(`${event.id} ${fn.id()}`),
            (error: unknown) => {
              options.onRunFailed?.({ fn: fn.id(), eventId: event.id, error });
              throw error;
            },
          ),
        ),
      );
    const results = await Promise.allSettled(runs);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }

  /** Fire and forget, for `inngest.send` / `step.sendEvent` (not durable: domain events go through the outbox). */
  function dispatch(events: readonly { name: string; data?: unknown; id?: string; ts?: number; meta?: unknown }[]) {
    const ids: string[] = [];
    for (const e of events) {
      const event = {
        id: e.id ?? randomUUID(),
        name: e.name,
        data: e.data ?? {},
        ts: e.ts ?? Date.now(),
        ...metaOf(e.meta),
      };
      ids.push(event.id);
      void deliver(event).catch(() => {});
    }
    return Promise.resolve({ ids });
  }

  /** Starts the runs of every function whose cron matches this minute. */
  function runCron(fn: InngestFunction.Any, cron: string, at: Date) {
    const event = { id: randomUUID(), name: "inngest/scheduled.timer", data: { cron }, ts: at.getTime() };
    return track(
      runFunction(fn, event).catch((error: unknown) => {
        options.onRunFailed?.({ fn: fn.id(), eventId: event.id, error });
      }),
    );
  }

  async function idle(): Promise<void> {
    while (inflight.size) await Promise.allSettled([...inflight]);
  }

  /** Abandons runs in flight at their next call (as if the process died) and refuses new ones. */
  function stop() {
    stopped = true;
  }

  return { deliver, dispatch, runCron, runFunction, idle, stop, functionsFor, functions: options.functions };
}

export type EmbeddedExecutor = ReturnType<typeof createEmbeddedExecutor>;
