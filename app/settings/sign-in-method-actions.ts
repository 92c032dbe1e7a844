"use server";
// Settings → sign-in methods: link a provider (next-auth sends the browser there and back), unlink one.
import { revalidatePath } from "next/cache";
import { startProviderLink } from "@/lib/auth/provider-start";
import { unlinkMyIdentity } from "@/lib/domain/accounts/manage-identities";
import { action } from "@/lib/http/action";
import { identityRefForm, providerLinkForm } from "@/lib/validation/users";

export const linkProviderAction = action(providerLinkForm, ({ actor, data }) =>
  startProviderLink(actor, data.provider),
);

export const unlinkIdentityAction = action(identityRefForm, async ({ actor, data }) => {
  await unlinkMyIdentity(actor, data.accountId);
  revalidatePath("/settings");
  return { unlinked: 1 };
});
