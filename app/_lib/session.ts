// Who is looking at this page, resolved once per request, and the mapping of domain "no" to a 404 page.
import "server-only";
import { cache } from "react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { pendingSignInFromCookies } from "@/lib/auth/mfa/pending";
import type { Actor } from "@/lib/domain/actor";
import { AppError } from "@/lib/errors";

export const currentActor = cache(async (): Promise<Actor | null> => actorFromCookies(await cookies()));

/** The actor, or off to sign in (or to its second step, when only that is missing), coming back to `next` afterwards. */
export async function requireActor(next?: string): Promise<Actor> {
  const actor = await currentActor();
  if (actor) return actor;
  const query = next ? `?next=${encodeURIComponent(next)}` : "";
  if (await pendingSignInFromCookies(await cookies())) redirect(`/signin/mfa${query}`);
  redirect(`/signin${query}`);
}

/**
 * Unknown, foreign and forbidden ids all look the same to a page: not found (never a 500, and nothing
 * learned about what exists elsewhere). A malformed cursor in the URL is a dead link, too.
 */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  const found = await orNull(promise);
  if (found === null) notFound();
  return found;
}

/**
 * The same decision for generateMetadata, which answers null instead of the 404: a notFound() thrown there leaves
 * the not-found page without a <title>. The page itself then calls notFound().
 */
export async function orNull<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof AppError && ["NOT_FOUND", "FORBIDDEN", "VALIDATION_FAILED"].includes(error.code)) return null;
    throw error;
  }
}

/** What generateMetadata returns for a page that is about to be not found. */
export const notFoundMetadata: Metadata = { title: "Page not found" };
