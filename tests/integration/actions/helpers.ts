// Calling server actions the way a browser form does: FormData in, ActionState (or Next's redirect) out.
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { expect } from "vitest";
import { loadClaims, sessionActor } from "@/lib/auth/claims";
import type { ActionState } from "@/lib/http/action";
import { sessionCookie } from "../../factories";
import { useSessionCookie as setSessionCookie } from "../../support/cookies";

export function form(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  return data;
}

/** Runs the action expecting it to redirect; returns the target path. */
export async function redirectOf(run: Promise<unknown>): Promise<string> {
  const error: unknown = await run.then(
    (result) => {
      throw new Error(`expected a redirect, got ${JSON.stringify(result)}`);
    },
    (e: unknown) => e,
  );
  if (!isRedirectError(error)) throw error;
  return error.digest.split(";")[2] ?? "";
}

export function expectFailure<T>(state: ActionState<T>, code: string) {
  expect(state?.ok).toBe(false);
  if (state?.ok !== false) throw new Error("unreachable");
  expect(state.error.code).toBe(code);
  return state.error;
}

export function expectOk<T>(state: ActionState<T>): T {
  if (!state?.ok) throw new Error(`expected ok, got ${JSON.stringify(state)}`);
  return state.data;
}

/** Acts as this user in the following action calls. */
export async function actAs(userId: string) {
  setSessionCookie(await sessionCookie(userId));
}

/** The user's actor as of now (fresh claims), for reading back through the domain. */
export async function actorOf(userId: string) {
  const claims = await loadClaims(userId, "direct-domain-call");
  if (!claims) throw new Error("no such user");
  return sessionActor(claims);
}
