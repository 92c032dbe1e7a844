// Resolved actors, cached so a warm request runs no authentication statement: a session's claims by session id, an
// API token's grant by its hash. Each entry carries its person's generation (generations.ts): whatever changes or
// takes rights away deletes it once its transaction committed, so every entry of that person stops matching at once.
import "server-only";
import { env } from "@/lib/env";
import type { Role } from "../generated/prisma/enums";
import { attempt, forgetGenerations, generationKey, generationOf } from "./generations";
import { cacheKey } from "./store";

export type CachedSession = {
  uid: string;
  cv: number;
  ws: Record<string, Role>;
  /** Workspaces that require two-step sign-in this person has not turned on. */
  mfa?: string[];
  seenAt: number;
  gen: string;
};
/** A token's grant as the database said it (a revoked one too, so it is refused without a statement). */
export type CachedToken = {
  gen: string;
  id: string;
  userId: string;
  workspaceId: string;
  role: Role | null;
  scopes: string[];
  expiresAt: number | null;
  usedAt: number | null;
  revoked: boolean;
  /** The workspace requires two-step sign-in and the owner has not turned it on. */
  mfaBlocked: boolean;
};
/** A token's slot: its owner (which never changes), and its grant once one was read under a known generation. */
type TokenSlot = { userId: string; grant?: CachedToken };
/** What a lookup found, and the generation to store a fresh answer under (null: store nothing). */
export type Lookup<T> = { hit: T | null; gen: string | null };

const sessionKey = (sessionId: string) => cacheKey("actor", "session", sessionId);
const tokenKey = (tokenHash: string) => cacheKey("actor", "token", tokenHash);

const userScope = (userId: string) => `user:${userId}`;

export async function lookUpSession(sessionId: string, userId: string): Promise<Lookup<CachedSession>> {
  const found = await attempt("session", async (cache) => {
    const [entry, gen] = (await cache.get([sessionKey(sessionId), generationKey(userScope(userId))])) as [
      CachedSession | null,
      unknown,
    ];
    if (entry && typeof gen === "string" && entry.gen === gen && entry.uid === userId) return { hit: entry, gen };
    return { hit: null, gen: await generationOf(cache, userScope(userId), gen) };
  });
  return found ?? { hit: null, gen: null };
}

export async function rememberSession(sessionId: string, entry: CachedSession): Promise<void> {
  await attempt("session", (cache) => cache.set(sessionKey(sessionId), entry, env.CACHE_TTL_SECONDS));
}

/**
 * A token's owner is known only from its slot, so the first request for a token stores just the owner; from the
 * second on, the owner's generation is read before the database and the grant is stored under it.
 */
export async function lookUpToken(tokenHash: string): Promise<Lookup<CachedToken>> {
  const found = await attempt("token", async (cache) => {
    const [slot] = (await cache.get([tokenKey(tokenHash)])) as [TokenSlot | null];
    if (!slot) return { hit: null, gen: null };
    const [gen] = await cache.get([generationKey(userScope(slot.userId))]);
    if (slot.grant && typeof gen === "string" && slot.grant.gen === gen) return { hit: slot.grant, gen };
    return { hit: null, gen: await generationOf(cache, userScope(slot.userId), gen) };
  });
  return found ?? { hit: null, gen: null };
}

export async function rememberToken(tokenHash: string, userId: string, grant: CachedToken | null): Promise<void> {
  const slot: TokenSlot = grant ? { userId, grant } : { userId };
  await attempt("token", (cache) => cache.set(tokenKey(tokenHash), slot, env.CACHE_TTL_SECONDS));
}

/** Write-through for anything that changes a person's rights: lib/domain calls it once its transaction committed. */
export const forgetActorsOf = (userIds: string[]) => forgetGenerations(userIds.map(userScope));
