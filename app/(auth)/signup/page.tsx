import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/app/_components/auth-forms";
import { ProviderButtons } from "@/app/_components/provider-buttons";
import { SignInProblem } from "@/app/_components/sign-in-problem";
import { currentActor } from "@/app/_lib/session";
import { configuredProviders } from "@/lib/auth/providers";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { nextPath, prefillEmail } from "@/lib/validation/users";
import { signUpAction } from "../actions";
import { providerSignInAction } from "../provider-actions";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; email?: string; error?: string; code?: string; provider?: string }>;
}) {
  const params = await searchParams;
  const next = nextPath.parse(params.next);
  const email = prefillEmail.parse(params.email);
  if (await currentActor()) redirect(next ?? "/w");
  const problem = signInErrorMessage(params);
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">Then start a workspace for your team.</p>
      <SignInProblem message={problem} />
      <SignUpForm action={signUpAction} next={next} email={email} />
      <ProviderButtons providers={configuredProviders()} action={providerSignInAction} next={next} verb="Sign up" />
      <p className="mt-6 text-center text-sm text-stone-600">
        Already have an account?{" "}
        <Link href={next ? `/signin?next=${encodeURIComponent(next)}` : "/signin"} className="link">
          Sign in
        </Link>
      </p>
    </>
  );
}
