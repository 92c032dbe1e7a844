// GET /signin/magic-link — without a token: ask for a sign-in link; with ?token=: the landing from the email,
// where a button (never the GET itself, which mail scanners also make) spends the link.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { EmailRequestForm, TokenButtonForm } from "@/app/_components/account-forms";
import { currentActor } from "@/app/_lib/session";
import { nextPath } from "@/lib/validation/users";
import { magicLinkSignInAction, requestMagicLinkAction } from "../../actions";

export const metadata: Metadata = { title: "Sign in with an email link" };

export default async function MagicLinkPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[]; next?: string }>;
}) {
  const params = await searchParams;
  const next = nextPath.parse(params.next);
  const token = typeof params.token === "string" ? params.token : "";
  if (!token && (await currentActor())) redirect(next ?? "/w");
  if (token) {
    return (
      <>
        <h1 className="text-xl font-semibold">Sign in to Tidings</h1>
        <p className="mt-1 mb-6 text-sm text-stone-600">
          Continue to sign in with the link from your email. It works once, for 15 minutes.
        </p>
        <TokenButtonForm
          action={magicLinkSignInAction}
          hidden={next ? { token, next } : { token }}
          label="Sign in"
          pendingText="Signing in…"
          ariaLabel="Sign in with the emailed link"
        />
        <p className="mt-6 text-center text-sm text-stone-600">
          Link expired?{" "}
          <Link href="/signin/magic-link" className="link">
            Send a new one
          </Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Sign in with an email link</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">No password needed: we email you a link that signs you in.</p>
      <EmailRequestForm
        action={requestMagicLinkAction}
        next={next}
        label="Email me a sign-in link"
        pendingText="Sending…"
        sentText="If {email} has an account, a sign-in link is on its way. It works once, for 15 minutes."
      />
      <p className="mt-6 text-center text-sm text-stone-600">
        <Link href={next ? `/signin?next=${encodeURIComponent(next)}` : "/signin"} className="link">
          Sign in with a password instead
        </Link>
      </p>
    </>
  );
}
