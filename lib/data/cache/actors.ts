// Resolved actors, cached so a warm request runs no authentication statement: a session's claims by session id, an
// API token's grant by its hash. Each entry carries its person's generation (a random tag under the person's key):
// whatever takes rights away (a role change, removal, token revocation, a session ending) deletes the generation
// once its transaction committed, so every entry of that person, on every instance, stops matching at once. A
// request reads the generation *before* the database, so an answer read just before a change can never be stored
// under the generation that follows it. A cache that cannot answer is a miss: the caller asks the database.
import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import type { Role } from "../generated/prisma/enums";
import { cacheKey, cacheStore, type Cache } from "./store";

export type CachedSession = { uid: string; cv: number; ws: Record<string, Role>; seenAt: number; gen: string };
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
};
/** A token's slot: its owner (which never changes), and its grant once one was read under a known generation. */
type TokenSlot = { userId: string; grant?: CachedToken };
/** What a lookup found, and the generation to store a fresh answer under (null: store nothing). */
export type Lookup<T> = { hit: T | null; gen: string | null };

const genKey = (userId: string) => cacheKey("actor", "gen", userId);
const sessionKey = (sessionId: string) => cacheKey("actor", "session", sessionId);
const tokenKey = (tokenHash: string) => cacheKey("actor", "token", tokenHash);

async function attempt<T>(what: string, run: (cache: Cache) => Promise<T>): Promise<T | undefined> {
  try {
    return await run(await cacheStore());
  } catch (error) {
    log.warn("cache unavailable; asking the database", { what, error });
    return undefined;
  }
}

/** The person's generation, made when absent (outliving the entries it tags, so it is not remade under them). */
async function generationOf(cache: Cache, userId: string, seen: unknown): Promise<string> {
  if (typeof seen === "string") return seen;
  const fresh = randomBytes(12).toString("base64url");
  if (await cache.add(genKey(userId), fresh, env.CACHE_TTL_SECONDS * 2)) return fresh;
  const [now] = await cache.get([genKey(userId)]);
  if (typeof now !== "string") throw new Error("the generation vanished while it was being made");
  return now;
}

export async function lookUpSession(sessionId: string, userId: string): Promise<Lookup<CachedSession>> {
  const found = await attempt("session", async (cache) => {
    const [entry, gen] = (await cache.get([sessionKey(sessionId), genKey(userId)])) as [CachedSession | null, unknown];
    if (entry && typeof gen === "string" && entry.gen === gen && entry.uid === userId) return { hit: entry, gen };
    return { hit: null, gen: await generationOf(cache, userId, gen) };
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
    const [gen] = await cache.get([genKey(slot.userId)]);
    if (slot.grant && typeof gen === "string" && slot.grant.gen === gen) return { hit: slot.grant, gen };
    return { hit: null, gen: await generationOf(cache, slot.userId, gen) };
  });
  return found ?? { hit: null, gen: null };
}

export async function rememberToken(tokenHash: string, userId: string, grant: CachedToken | null): Promise<void> {
  const slot: TokenSlot = grant ? { userId, grant } : { userId };
  await attempt("token", (cache) => cache.set(tokenKey(tokenHash), slot, env.CACHE_TTL_SECONDS));
}

/**
 * Write-through for anything that takes rights away or changes them: called by lib/domain after its transaction
 * committed. Retried once; if the cache still cannot be reached, entries may live on until CACHE_TTL_SECONDS.
 */
export async function forgetActorsOf(userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  const keys = userIds.map(genKey);
  for (let tries = 1; ; tries++) {
    try {
      return await (await cacheStore()).del(keys);
    } catch (error) {
      if (tries >= 2) {
        log.error("cache unavailable: cached rights may outlive their change until the TTL", { userIds, error });
        return;
      }
    }
  }
}
