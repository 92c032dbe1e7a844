// Bearer API tokens → an Actor limited to the token's workspace and scopes.
import "server-only";
import { getDb } from "@/lib/data/db/client";
import { findApiTokenForAuth, touchApiToken } from "@/lib/data/api-tokens";
import { AppError } from "@/lib/errors";
import { scopes as knownScopes, type Actor, type Scope } from "@/lib/domain/actor";
import { splitByMfaPolicy } from "@/lib/domain/mfa/policy";
import { hashApiToken, looksLikeApiToken } from "@/lib/domain/tokens/token-format";

const LAST_USED_RESOLUTION_MS = 60_000;
const invalid = () => new AppError("UNAUTHENTICATED", "The API token is invalid, expired or revoked");

export async function actorFromApiToken(token: string): Promise<Actor> {
  if (!looksLikeApiToken(token)) throw invalid();
  const db = await getDb();
  const row = await findApiTokenForAuth(db, hashApiToken(token));
  const now = new Date();
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) throw invalid();
  // The role is read now, not when the token was made: a removed member's tokens stop working at once.
  const membership = row.user.memberships.find((m) => m.workspaceId === row.workspaceId);
  if (!membership) throw invalid();
  const { role } = membership;
  // The workspace's MFA requirement binds its tokens too: the token's owner must have two-step sign-in on.
  const blocked = splitByMfaPolicy([membership], row.user.totpFactor?.confirmedAt != null).needSetup.length > 0;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Written at most once a minute per token, so a busy token does not write on every request.
    await touchApiToken(db, row.id, now);
  }
  const granted = row.scopes.filter((s): s is Scope => (knownScopes as readonly string[]).includes(s));
  return {
    userId: row.userId,
    via: "token",
    tokenId: row.id,
    roles: blocked ? {} : { [row.workspaceId]: role },
    scopes: new Set(granted),
    ...(blocked ? { mfaSetupIn: [row.workspaceId] } : {}),
  };
}
