"use client";
// Settings → password: change it (current + new), or set a first one on an account that has none.
import { ActionForm, Field, FormError, FormSuccess, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act = (
  prev: ActionState<{ endedSessions: number }>,
  form: FormData,
) => Promise<ActionState<{ endedSessions: number }>>;

export function ChangePasswordForm({ action, hasPassword }: { action: Act; hasPassword: boolean }) {
  return (
    <ActionForm
      action={action}
      className="space-y-4"
      aria-label={hasPassword ? "Change password" : "Set a password"}
      resetOnSuccess
    >
      {hasPassword && (
        <Field
          name="currentPassword"
          label="Current password"
          type="password"
          autoComplete="current-password"
          required
        />
      )}
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters, and not a common password: a few unusual words work well."
      />
      <FormError />
      <div className="flex items-center justify-end gap-3">
        <FormSuccess>Password saved. Your other sessions were signed out.</FormSuccess>
        <SubmitButton pendingText="Saving…">{hasPassword ? "Change password" : "Set password"}</SubmitButton>
      </div>
    </ActionForm>
  );
}
