"use client";
import Link from "next/link";
import { ActionForm, Field, FormError, SubmitButton, useActionFormState } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act = (prev: ActionState<never>, form: FormData) => Promise<ActionState<never>>;
type SignUpAct = (prev: ActionState<{ email: string }>, form: FormData) => Promise<ActionState<{ email: string }>>;

/** The one answer to every accepted sign-up, new address or known: it reveals no accounts. */
function CheckYourEmail({ next }: { next?: string }) {
  const { state, pending } = useActionFormState();
  if (!state?.ok || pending) return null;
  const { email } = state.data as { email: string };
  const signIn = `/signin?${new URLSearchParams({ email, ...(next ? { next } : {}) }).toString()}`;
  return (
    <div role="status" className="rounded-md border border-accent-200 bg-accent-50 px-3 py-2 text-sm text-accent-900">
      <p className="font-medium">Check your email</p>
      <p className="mt-1">
        We sent a message to {email}. Open the link in it to confirm your address, then{" "}
        <Link href={signIn} className="link">
          sign in
        </Link>
        .
      </p>
    </div>
  );
}

export function SignUpForm({ action, next, email }: { action: SignUpAct; next?: string; email?: string }) {
  return (
    <ActionForm action={action} hidden={next ? { next } : undefined} className="space-y-4" aria-label="Sign up">
      <CheckYourEmail next={next} />
      {/* The browser knows the person's time zone (the daily digest is sent in it); filled in once hydrated. */}
      <input
        type="hidden"
        name="timeZone"
        ref={(el) => void (el && (el.value = Intl.DateTimeFormat().resolvedOptions().timeZone))}
      />
      <Field name="name" label="Name" autoComplete="name" required maxLength={80} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters, and not a common password: a few unusual words work well."
      />
      <FormError />
      <SubmitButton className="btn-primary w-full" pendingText="Creating your account…">
        Create account
      </SubmitButton>
    </ActionForm>
  );
}

export function SignInForm({ action, next, email }: { action: Act; next?: string; email?: string }) {
  return (
    <ActionForm action={action} hidden={next ? { next } : undefined} className="space-y-4" aria-label="Sign in">
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required />
      <FormError />
      <SubmitButton className="btn-primary w-full" pendingText="Signing in…">
        Sign in
      </SubmitButton>
    </ActionForm>
  );
}
