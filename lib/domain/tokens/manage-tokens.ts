import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb } from "@/lib/data/db/client";
import { findApiToken, insertApiToken, listApiTokens, revokeApiToken } from "@/lib/data/api-tokens";
import { notFound } from "@/lib/errors";
import type { PageQuery } from "@/lib/validation/common";
import type { CreateTokenInput } from "@/lib/validation/tokens";
import { atLeast, type Actor } from "../actor";
import { decodeCursor, paginate, wholeList } from "../pagination";
import { assertCanCreateToken, canRevokeToken, requireWorkspaceMember } from "../policy";
import { generateApiToken } from "./token-format";
import { transaction } from "@/lib/data/db/transaction";
import { recordAudit } from "../audit/record-audit";

export async function createApiToken(actor: Actor, workspaceId: string, input: CreateTokenInput) {
  assertCanCreateToken(actor, workspaceId);
  const { token, prefix, tokenHash } = generateApiToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  // In a transaction, so a write sent with an Idempotency-Key makes one token however often it is retried.
  const row = await transaction(await getDb(), async (tx) => {
    const created = await insertApiToken(tx, {
      workspaceId,
      userId: actor.userId,
      name: input.name,
      prefix,
      tokenHash,
      scopes: [...new Set(input.scopes)],
      expiresAt,
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "token.created",
      target: { type: "token", id: created.id },
      after: presentForAudit(created),
    });
    return created;
  });
  return { ...row, token };
}

/** One's own tokens, newest first; admins and owners see everyone's in the workspace. */
export async function listApiTokensFor(actor: Actor, workspaceId: string) {
  return (await listApiTokensPage(actor, workspaceId)).items;
}

/** listApiTokensFor a page at a time (the API); without `page`, all of them. */
export async function listApiTokensPage(actor: Actor, workspaceId: string, page?: PageQuery) {
  const everyone = atLeast(requireWorkspaceMember(actor, workspaceId), "ADMIN");
  const db = await getDb();
  const owner = everyone ? undefined : actor.userId;
  if (!page) return wholeList(await listApiTokens(db, workspaceId, owner));
  const after = decodeCursor(page.cursor);
  return paginate(page.limit, (take) => listApiTokens(db, workspaceId, owner, { take, after }));
}

export async function revokeToken(actor: Actor, workspaceId: string, tokenId: string) {
  requireWorkspaceMember(actor, workspaceId);
  const db = await getDb();
  const token = await findApiToken(db, tokenId);
  if (!token || token.workspaceId !== workspaceId || !canRevokeToken(actor, token)) throw notFound("API token");
  if (token.revokedAt) return token;
  const revoked = await transaction(db, async (tx) => {
    const row = await revokeApiToken(tx, tokenId, new Date());
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "token.revoked",
      target: { type: "token", id: tokenId },
      before: presentForAudit(token),
      after: presentForAudit(row),
    });
    return row;
  });
  await forgetActorsOf([token.userId]); // its cached grant stops matching, on every instance
  return revoked;
}

/** What the audit log keeps of a token: never its value or hash (the prefix is what lists show anyway). */
const presentForAudit = (t: {
  name: string;
  prefix: string;
  userId: string;
  scopes: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
}) => ({
  name: t.name,
  prefix: t.prefix,
  ownerId: t.userId,
  scopes: t.scopes,
  expiresAt: t.expiresAt,
  revokedAt: t.revokedAt,
});
