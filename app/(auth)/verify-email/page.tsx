// GET /verify-email?token= — the link from the verification email. Opening it twice is harmless.
import type { Metadata } from "next";
import Link from "next/link";
import { LinkProblem, linkErrorMessage } from "@/app/_components/link-problem";
import { currentActor } from "@/app/_lib/session";
import { verifyEmail } from "@/lib/domain/users/verify-email";

export const metadata: Metadata = { title: "Verify your email" };

export default async function VerifyEmailPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const signedIn = (await currentActor()) !== null;
  const onward = signedIn ? { href: "/w", label: "Go to your workspaces" } : { href: "/signin", label: "Sign in" };
  let verified: { email: string };
  try {
    verified = await verifyEmail(typeof token === "string" ? token : "");
  } catch (error) {
    const message = linkErrorMessage(error);
    if (message === null) throw error;
    return (
      <LinkProblem
        title="This verification link does not work"
        message={`${message} ${signedIn ? "You can send a new link from the banner in the app or from your settings." : "Sign in to send yourself a new one."}`}
        action={signedIn ? { href: "/settings", label: "Go to settings" } : onward}
      />
    );
  }
  return (
    <div role="status">
      <h1 className="text-xl font-semibold">Email verified</h1>
      <p className="mt-2 text-sm text-stone-600">
        Thanks — <strong className="font-medium text-stone-800">{verified.email}</strong> is confirmed.
      </p>
      <Link href={onward.href} className="btn-primary mt-6 w-full">
        {onward.label}
      </Link>
    </div>
  );
}
