import type { Metadata } from "next";
import Link from "next/link";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { SecondFactorForm } from "@/app/_components/mfa-forms";
import { currentActor } from "@/app/_lib/session";
import { pendingSignInFromCookies } from "@/lib/auth/mfa/pending";
import { nextPath } from "@/lib/validation/users";
import { secondFactorAction } from "../../mfa-actions";

export const metadata: Metadata = { title: "Two-step sign-in" };

export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = nextPath.parse((await searchParams).next);
  if (await currentActor()) redirect(next ?? "/w");
  if (!(await pendingSignInFromCookies(await cookies())))
    redirect(next ? `/signin?next=${encodeURIComponent(next)}` : "/signin");
  return (
    <>
      <h1 className="text-xl font-semibold">Two-step sign-in</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        Enter the 6-digit code from your authenticator app, or one of your recovery codes.
      </p>
      <SecondFactorForm action={secondFactorAction} next={next} />
      <p className="mt-6 text-center text-sm text-stone-600">
        <Link href="/signin" className="link">
          Sign in as someone else
        </Link>
      </p>
    </>
  );
}
