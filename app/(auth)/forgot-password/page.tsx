import type { Metadata } from "next";
import Link from "next/link";
import { EmailRequestForm } from "@/app/_components/account-forms";
import { requestPasswordResetAction } from "../actions";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-xl font-semibold">Forgot your password?</h1>
      <p className="mt-1 mb-6 text-sm text-stone-600">
        Enter your email and we will send you a link to choose a new one.
      </p>
      <EmailRequestForm
        action={requestPasswordResetAction}
        label="Send reset link"
        pendingText="Sending…"
        sentText="If {email} has an account, a reset link is on its way. It works for an hour."
      />
      <p className="mt-6 text-center text-sm text-stone-600">
        Remembered it?{" "}
        <Link href="/signin" className="link">
          Sign in
        </Link>
      </p>
    </>
  );
}
