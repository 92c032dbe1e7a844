// action(schema, handler): the server-action twin of route(). Same schemas, same domain calls, same errors;
// the result is a plain object a form can render instead of an HTTP response.
import "server-only";
import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import type { Actor } from "@/lib/domain/actor";
import { takeRateLimit, type RateLimitRule } from "@/lib/domain/rate-limits";
import { AppError } from "@/lib/errors";
import { noteClientAddress, withRequestContext } from "@/lib/request-context";
import { relayRecordedOutbox } from "./after-response";
import { clientAddress } from "@/lib/auth/client-address";
import { toAppError, zodDetails } from "./errors";

export type ActionState<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: { code: string; message: string; fields?: Record<string, string> } }
  | null;

/** `rateLimit`: a per-client rule every call counts against (e.g. sign-up), checked before the input is. */
type Options = { auth?: "required" | "optional"; rateLimit?: RateLimitRule };

/** FormData → plain object; repeated keys become arrays, files are ignored; empty fields stay "" for the schema to judge. */
export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = form.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = values.length > 1 ? values : values[0];
  }
  return out;
}

/** A domain error's `[{ path, message }]` details (e.g. "name: already taken") become field errors, as validation's do. */
function detailFields(details: unknown): Record<string, string> | undefined {
  if (!Array.isArray(details)) return undefined;
  const pairs = details.flatMap((d: { path?: unknown; message?: unknown }) =>
    typeof d?.path === "string" && d.path && typeof d.message === "string" ? [[d.path, d.message] as const] : [],
  );
  return pairs.length ? Object.fromEntries(pairs) : undefined;
}

export function action<S extends z.ZodType, T>(
  schema: S,
  handler: (input: { actor: Actor; data: z.output<S> }) => Promise<T>,
  options?: Options & { auth?: "required" },
): (prev: ActionState<T>, input: FormData | z.input<S>) => Promise<ActionState<T>>;
export function action<S extends z.ZodType, T>(
  schema: S,
  handler: (input: { actor: Actor | null; data: z.output<S> }) => Promise<T>,
  options: Options & { auth: "optional" },
): (prev: ActionState<T>, input: FormData | z.input<S>) => Promise<ActionState<T>>;
export function action<S extends z.ZodType, T>(
  schema: S,
  handler: (input: { actor: Actor; data: z.output<S> }) => Promise<T>,
  options: Options = {},
) {
  const run = async (_prev: ActionState<T>, input: FormData | z.input<S>): Promise<ActionState<T>> => {
    try {
      const actor = await actorFromCookies(await cookies());
      if (!actor && options.auth !== "optional")
        throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
      const address = clientAddress(await headers());
      noteClientAddress(address);
      if (options.rateLimit) await takeRateLimit(options.rateLimit, address);
      const parsed = schema.safeParse(input instanceof FormData ? formToObject(input) : input);
      if (!parsed.success) {
        const fields = Object.fromEntries(zodDetails(parsed.error).map((d) => [d.path || "form", d.message]));
        return {
          ok: false,
          error: { code: "VALIDATION_FAILED", message: "Please correct the highlighted fields.", fields },
        };
      }
      return { ok: true, data: await handler({ actor: actor as Actor, data: parsed.data }) };
    } catch (error) {
      unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
      const appError = toAppError(error, { action: handler.name || "action" });
      return {
        ok: false,
        error: { code: appError.code, message: appError.message, fields: detailFields(appError.details) },
      };
    } finally {
      // Also after redirect(): events recorded by a committed transaction go out now, not at the next sweep.
      relayRecordedOutbox();
    }
  };
  return (prev: ActionState<T>, input: FormData | z.input<S>): Promise<ActionState<T>> =>
    withRequestContext(randomUUID(), () => run(prev, input), { relaysAfter: true });
}
