"use client";
// Forms of the emailed-link flows (forgot password, sign-in link, reset, accept) and the settings page.
import { ActionForm, Field, FormError, FormSuccess, SubmitButton, useActionFormState } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

/** Asks for an address; afterwards says the same neutral thing whether or not it has an account. */
export function EmailRequestForm({
  action,
  label,
  pendingText,
  sentText,
  next,
}: {
  action: Act<{ email: string }>;
  label: string;
  pendingText: string;
  sentText: string;
  next?: string;
}) {
  return (
    <ActionForm action={action} hidden={next ? { next } : undefined} className="space-y-4" aria-label={label}>
      <Sent sentText={sentText} />
      <Field name="email" label="Email" type="email" autoComplete="email" required />
      <FormError />
      <SubmitButton className="btn-primary w-full" pendingText={pendingText}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}

function Sent({ sentText }: { sentText: string }) {
  const { state, pending } = useActionFormState();
  if (!state?.ok || pending) return null;
  const { email } = state.data as { email: string };
  return (
    <p role="status" className="rounded-md border border-accent-200 bg-accent-50 px-3 py-2 text-sm text-accent-900">
      {sentText.replace("{email}", email)}
    </p>
  );
}

export function ResetPasswordForm({ action, token }: { action: Act<never>; token: string }) {
  return (
    <ActionForm action={action} hidden={{ token }} className="space-y-4" aria-label="Reset password">
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
      <SubmitButton className="btn-primary w-full" pendingText="Saving…">
        Set password and sign in
      </SubmitButton>
    </ActionForm>
  );
}

/** One button: the token travels in a hidden field. */
export function TokenButtonForm({
  action,
  hidden,
  label,
  pendingText,
  ariaLabel,
}: {
  action: Act<never>;
  hidden: Record<string, string>;
  label: string;
  pendingText: string;
  ariaLabel: string;
}) {
  return (
    <ActionForm action={action} hidden={hidden} className="space-y-3" aria-label={ariaLabel}>
      <FormError />
      <SubmitButton className="btn-primary w-full" pendingText={pendingText}>
        {label}
      </SubmitButton>
    </ActionForm>
  );
}

export function ProfileForm({
  action,
  name,
  timeZone,
  zones,
}: {
  action: Act<{ name: string; timeZone: string }>;
  name: string;
  timeZone: string;
  zones: string[];
}) {
  return (
    <ActionForm action={action} className="space-y-4" aria-label="Profile">
      <Field name="name" label="Name" defaultValue={name} autoComplete="name" required maxLength={80} />
      <TimeZoneSelect zones={zones} current={timeZone} />
      <FormError />
      <div className="flex items-center justify-end gap-3">
        <FormSuccess>Saved.</FormSuccess>
        <SubmitButton pendingText="Saving…">Save</SubmitButton>
      </div>
    </ActionForm>
  );
}

function TimeZoneSelect({ zones, current }: { zones: string[]; current: string }) {
  const { state } = useActionFormState();
  const error = state && !state.ok ? state.error.fields?.timeZone : undefined;
  return (
    <div>
      <label htmlFor="timeZone" className="label">
        Time zone
      </label>
      <select
        id="timeZone"
        name="timeZone"
        defaultValue={current}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby="timeZone-hint"
      >
        {(zones.includes(current) ? zones : [current, ...zones]).map((z) => (
          <option key={z} value={z}>
            {z.replaceAll("_", " ")}
          </option>
        ))}
      </select>
      {error ? (
        <p className="mt-1 text-xs font-medium text-red-700">Time zone {error}</p>
      ) : (
        <p id="timeZone-hint" className="mt-1 text-xs text-stone-600">
          Your daily digest arrives in your morning in this zone.
        </p>
      )}
    </div>
  );
}
