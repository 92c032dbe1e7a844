import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { pendingSignInFromCookies } from "@/lib/auth/mfa/pending";
import { SignInForm } from "@/app/_components/auth-forms";
import { ProviderButtons } from "@/app/_components/provider-buttons";
import { SignInProblem } from "@/app/_components/sign-in-problem";
import { currentActor } from "@/app/_lib/session";
import { configuredProviders } from "@/lib/auth/providers";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { nextPath, prefillEmail } from "@/lib/validation/users";
import { signInAction } from "../actions";
import { passkeySignInAction, passkeySignInOptionsAction } from "../mfa-actions";
import { PasskeySignIn } from "@/app/_components/passkey-forms";
import { providerSignInAction } from "../provider-actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; email?: string; error?: string; code?: string; provider?: string }>;
}) {
  const params = await searchParams;
  const next = nextPath.parse(params.next);
  const email = prefillEmail.parse(params.email);
  if (await currentActor()) redirect(next ?? "/w");
  // Password or link given, second factor owed: that step, not the form again.
  if (await pendingSignInFromCookies(await cookies()))
    redirect(next ? `/signin/mfa?next=${encodeURIComponent(next)}` : "/signin/mfa");
  const problem = signInErrorMessage(params);
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">Welcome back.</p>
      <SignInProblem message={problem} />
      <SignInForm action={signInAction} next={next} email={email} />
      <div className="mt-4">
        <PasskeySignIn options={passkeySignInOptionsAction} signIn={passkeySignInAction} next={next} />
      </div>
      <ProviderButtons providers={configuredProviders()} action={providerSignInAction} next={next} verb="Sign in" />
      <div className="mt-4 flex flex-wrap justify-between gap-2 text-sm">
        <Link href="/forgot-password" className="link">
          Forgot password?
        </Link>
        <Link
          href={next ? `/signin/magic-link?next=${encodeURIComponent(next)}` : "/signin/magic-link"}
          className="link"
        >
          Email me a sign-in link
        </Link>
      </div>
      <p className="mt-6 text-center text-sm text-stone-600">
        New here?{" "}
        <Link href={next ? `/signup?next=${encodeURIComponent(next)}` : "/signup"} className="link">
          Create an account
        </Link>
      </p>
    </>
  );
}
