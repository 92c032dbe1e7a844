import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/app/_components/auth-forms";
import { currentActor } from "@/app/_lib/session";
import { nextPath, prefillEmail } from "@/lib/validation/users";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Sign up" };

export default async function SignUpPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; email?: string }>;
}) {
  const params = await searchParams;
  const next = nextPath.parse(params.next);
  const email = prefillEmail.parse(params.email);
  if (await currentActor()) redirect(next ?? "/w");
  return (
    <>
      <h1 className="text-xl font-semibold">Create your account</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">Then start a workspace for your team.</p>
      <SignUpForm action={signUpAction} next={next} email={email} />
      <p className="mt-6 text-center text-sm text-stone-600">
        Already have an account?{" "}
        <Link href={next ? `/signin?next=${encodeURIComponent(next)}` : "/signin"} className="link">
          Sign in
        </Link>
      </p>
    </>
  );
}
