import { createHash, randomBytes } from "node:crypto";
import { getDb } from "@/lib/data/db/client";
import { findApiToken, insertApiToken, listApiTokens, revokeApiToken } from "@/lib/data/api-tokens";
import { notFound } from "@/lib/errors";
import type { CreateTokenInput } from "@/lib/validation/tokens";
import { atLeast, type Actor } from "../actor";
import { assertCanCreateToken, canRevokeToken, requireWorkspaceMember } from "../policy";

export const TOKEN_PREFIX = "tid_";
export const hashApiToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** `tid_` + 32 random bytes; only its sha256 is stored, and the first characters to recognise it by. */
export function generateApiToken() {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, TOKEN_PREFIX.length + 6), tokenHash: hashApiToken(token) };
}

export async function createApiToken(actor: Actor, workspaceId: string, input: CreateTokenInput) {
  assertCanCreateToken(actor, workspaceId);
  const { token, prefix, tokenHash } = generateApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await insertApiToken(await getDb(), {
    workspaceId,
    userId: actor.userId,
    name: input.name,
    prefix,
    tokenHash,
    scopes: [...new Set(input.scopes)],
    expiresAt,
  });
  return { ...row, token };
}

/** One's own tokens; admins and owners see everyone's in the workspace. */
export async function listApiTokensFor(actor: Actor, workspaceId: string) {
  const everyone = atLeast(requireWorkspaceMember(actor, workspaceId), "ADMIN");
  return listApiTokens(await getDb(), workspaceId, everyone ? undefined : actor.userId);
}

export async function revokeToken(actor: Actor, workspaceId: string, tokenId: string) {
  requireWorkspaceMember(actor, workspaceId);
  const db = await getDb();
  const token = await findApiToken(db, tokenId);
  if (!token || token.workspaceId !== workspaceId || !canRevokeToken(actor, token)) throw notFound("API token");
  if (token.revokedAt) return token;
  return revokeApiToken(db, tokenId, new Date());
}
