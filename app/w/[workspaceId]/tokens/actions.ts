"use server";
import { revalidatePath } from "next/cache";
import { createApiToken, revokeToken } from "@/lib/domain/tokens/manage-tokens";
import { action } from "@/lib/http/action";
import { createTokenForm, tokenRefForm } from "@/lib/validation/tokens";

/** Returns the secret this once; only its hash is kept. */
export const createTokenAction = action(createTokenForm, async ({ actor, data: { workspaceId, ...input } }) => {
  const created = await createApiToken(actor, workspaceId, input);
  revalidatePath(`/w/${workspaceId}/tokens`);
  return { id: created.id, name: created.name, token: created.token };
});

export const revokeTokenAction = action(tokenRefForm, async ({ actor, data: { workspaceId, tokenId } }) => {
  await revokeToken(actor, workspaceId, tokenId);
  revalidatePath(`/w/${workspaceId}/tokens`);
  return { revoked: tokenId };
});
