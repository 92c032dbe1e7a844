"use client";
import { ActionForm, Field, FormError, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act = (prev: ActionState<never>, form: FormData) => Promise<ActionState<never>>;

export function SignUpForm({ action, next, email }: { action: Act; next?: string; email?: string }) {
  return (
    <ActionForm action={action} hidden={next ? { next } : undefined} className="space-y-4" aria-label="Sign up">
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
        hint="At least 10 characters."
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
