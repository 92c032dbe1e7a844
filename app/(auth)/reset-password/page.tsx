// GET /reset-password?token= — the link from the reset email; the token is checked when the form is sent.
import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/app/_components/account-forms";
import { LinkProblem } from "@/app/_components/link-problem";
import { resetPasswordAction } from "../actions";

export const metadata: Metadata = { title: "Choose a new password" };

export default async function ResetPasswordPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  if (typeof token !== "string" || token === "") {
    return (
      <LinkProblem
        title="This reset link is incomplete"
        message="Open the link from the email again, or ask for a new one."
        action={{ href: "/forgot-password", label: "Ask for a new link" }}
      />
    );
  }
  return (
    <>
      <h1 className="text-xl font-semibold">Choose a new password</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">You will be signed in with it right away.</p>
      <ResetPasswordForm action={resetPasswordAction} token={token} />
      <p className="mt-6 text-center text-sm text-stone-600">
        Link expired?{" "}
        <Link href="/forgot-password" className="link">
          Ask for a new one
        </Link>
      </p>
    </>
  );
}
