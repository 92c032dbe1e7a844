// Bearer API tokens → an Actor limited to the token's workspace and scopes. Warm, the grant comes from the cache
// (lib/data/cache/actors.ts), which revocation and role changes clear; cold, one statement reads it.
import "server-only";
import { getDb } from "@/lib/data/db/client";
import { findApiTokenForAuth, touchApiToken } from "@/lib/data/api-tokens";
import { lookUpToken, rememberToken, type CachedToken } from "@/lib/data/cache/actors";
import { AppError } from "@/lib/errors";
import { scopes as knownScopes, type Actor, type Scope } from "@/lib/domain/actor";
import { hashApiToken, looksLikeApiToken } from "@/lib/domain/tokens/token-format";

const LAST_USED_RESOLUTION_MS = 60_000;
const invalid = () => new AppError("UNAUTHENTICATED", "The API token is invalid, expired or revoked");

export async function actorFromApiToken(token: string): Promise<Actor> {
  if (!looksLikeApiToken(token)) throw invalid();
  const tokenHash = hashApiToken(token);
  const now = new Date();
  const { hit, gen } = await lookUpToken(tokenHash);
  let grant: CachedToken;
  if (hit) {
    grant = hit;
  } else {
    const row = await findApiTokenForAuth(await getDb(), tokenHash);
    if (!row) throw invalid();
    // The role is read now, not when the token was made: a removed member's tokens stop working at once.
    grant = {
      gen: gen ?? "",
      id: row.id,
      userId: row.userId,
      workspaceId: row.workspaceId,
      role: row.role,
      scopes: row.scopes,
      expiresAt: row.expiresAt?.getTime() ?? null,
      usedAt: row.lastUsedAt?.getTime() ?? null,
      revoked: row.revokedAt !== null,
      // The workspace's MFA requirement binds its tokens too: the token's owner must have two-step sign-in on.
      mfaBlocked: row.requireMfa && !row.hasMfa,
    };
    await rememberToken(tokenHash, row.userId, gen ? grant : null);
  }
  const role = grant.role;
  if (grant.revoked || !role || (grant.expiresAt !== null && grant.expiresAt <= now.getTime())) throw invalid();
  if (grant.usedAt === null || now.getTime() - grant.usedAt > LAST_USED_RESOLUTION_MS) {
    // Written at most once a minute per token, so a busy token does not write on every request.
    await touchApiToken(await getDb(), grant.id, now);
    grant = { ...grant, usedAt: now.getTime() };
    if (gen) await rememberToken(tokenHash, grant.userId, grant);
  }
  const granted = grant.scopes.filter((s): s is Scope => (knownScopes as readonly string[]).includes(s));
  return {
    userId: grant.userId,
    via: "token",
    tokenId: grant.id,
    roles: grant.mfaBlocked ? {} : { [grant.workspaceId]: role },
    scopes: new Set(granted),
    ...(grant.mfaBlocked ? { mfaSetupIn: [grant.workspaceId] } : {}),
  };
}
