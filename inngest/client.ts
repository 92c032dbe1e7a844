// The Inngest client. Managed: INNGEST_EVENT_KEY (Inngest Cloud, or self-hosted with INNGEST_BASE_URL) or
// INNGEST_DEV (the dev server: 1, or its URL).
// Embedded (neither set): the same functions run in-process through the real serve() handler (inngest/embedded);
// the client stays in cloud mode so that handler checks signatures, with a random per-process signing key.
import "server-only";
import { randomBytes } from "node:crypto";
import { Inngest, Middleware, type SendEventBaseOutput } from "inngest";
import { backgroundMode, env } from "@/lib/env";
import { sdkLogger } from "./log";
import { RunContextMiddleware } from "./run-context";

export const embedded = backgroundMode === "embedded";

const signingKeySlot = Symbol.for("tidings.inngest.signingKey");
const dispatchSlot = Symbol.for("tidings.inngest.dispatch");
type EmbeddedDispatch = (
  events: readonly { name: string; data?: unknown; id?: string; ts?: number; meta?: unknown }[],
) => Promise<SendEventBaseOutput>;
type G = typeof globalThis & { [signingKeySlot]?: string; [dispatchSlot]?: EmbeddedDispatch };
const g = globalThis as G;

/** Only the embedded executor knows it: calls to /api/inngest signed with anything else are refused. */
export const embeddedSigningKey: string = (g[signingKeySlot] ??= `signkey-embedded-${randomBytes(32).toString("hex")}`);

export function setEmbeddedDispatch(dispatch: EmbeddedDispatch | undefined): void {
  g[dispatchSlot] = dispatch;
}

/** In the embedded mode, `inngest.send` and `step.sendEvent` go to the in-process executor, not the network. */
class EmbeddedDispatchMiddleware extends Middleware.BaseMiddleware {
  readonly id = "tidings-embedded-dispatch";
  override async wrapSendEvent({ events, next }: Middleware.WrapSendEventArgs): Promise<SendEventBaseOutput> {
    const dispatch = g[dispatchSlot];
    return dispatch ? dispatch(events) : next();
  }
}

const devServer = env.INNGEST_DEV && /^https?:\/\//.test(env.INNGEST_DEV) ? env.INNGEST_DEV : undefined;
const baseUrl = env.INNGEST_BASE_URL ?? devServer;

export const inngest = new Inngest({
  id: "tidings",
  logger: sdkLogger,
  middleware: [EmbeddedDispatchMiddleware, RunContextMiddleware],
  ...(embedded
    ? // `send` demands an event key before middleware runs; the embedded one never leaves the process.
      { isDev: false, eventKey: "embedded", signingKey: env.INNGEST_SIGNING_KEY ?? embeddedSigningKey }
    : {
        isDev: Boolean(env.INNGEST_DEV) && env.INNGEST_DEV !== "0",
        ...(env.INNGEST_EVENT_KEY ? { eventKey: env.INNGEST_EVENT_KEY } : {}),
        ...(env.INNGEST_SIGNING_KEY ? { signingKey: env.INNGEST_SIGNING_KEY } : {}),
        ...(baseUrl ? { baseUrl } : {}),
      }),
});
