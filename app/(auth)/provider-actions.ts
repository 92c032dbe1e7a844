"use server";
// "Continue with <provider>" on the sign-in and sign-up pages: next-auth sends the browser to the provider.
import { startProviderSignIn } from "@/lib/auth/provider-start";
import { action } from "@/lib/http/action";
import { providerSignInForm } from "@/lib/validation/users";

export const providerSignInAction = action(
  providerSignInForm,
  ({ data }) => startProviderSignIn(data.provider, data.next ?? "/w"),
  { auth: "optional" },
);
