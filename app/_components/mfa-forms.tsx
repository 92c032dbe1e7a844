"use client";
// Two-step sign-in: the second step of a sign-in, enrolment (QR code, confirming code, recovery codes shown once),
// turning it off, and the workspace requirement.
import { useState } from "react";
import { ActionForm, Field, FormError, SubmitButton, useActionFormState } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
type Enrolment = { secret: string; uri: string; qrSvg: string };

export function SecondFactorForm({ action, next }: { action: Act<never>; next?: string }) {
  return (
    <ActionForm action={action} hidden={next ? { next } : undefined} className="space-y-4" aria-label="Second step">
      <Field
        name="code"
        label="Code"
        autoComplete="one-time-code"
        inputMode="text"
        required
        autoFocus
        hint="6 digits from the app, or a recovery code like abcde-fghij-klmno."
      />
      <FormError />
      <SubmitButton className="btn-primary w-full" pendingText="Checking…">
        Continue
      </SubmitButton>
    </ActionForm>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div role="status" className="rounded-md border border-accent-200 bg-accent-50 p-4 text-sm text-accent-900">
      <p className="font-medium">Two-step sign-in is on. Save these recovery codes now.</p>
      <p className="mt-1">Each works once if you lose your phone. They will not be shown again.</p>
      <ul aria-label="Recovery codes" className="mt-3 grid grid-cols-2 gap-1 font-mono">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </div>
  );
}

export function TotpEnrolment({
  start,
  confirm,
}: {
  start: Act<Enrolment>;
  confirm: Act<{ recoveryCodes: string[] }>;
}) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  if (codes) return <RecoveryCodes codes={codes} />;
  if (!enrolment)
    return (
      <ActionForm action={start} onSuccess={setEnrolment} aria-label="Set up two-step sign-in">
        <SubmitButton pendingText="Preparing…">Set up two-step sign-in</SubmitButton>
        <FormError className="mt-2" />
      </ActionForm>
    );
  return (
    <div className="space-y-4">
      <p className="text-sm">Scan this code with your authenticator app, then type the code it shows.</p>
      {/* SVG made on the server by the qrcode library (no third party sees the secret); inline, as the CSP allows. */}
      <div
        role="img"
        aria-label="QR code for your authenticator app"
        className="size-[220px]"
        dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
      />
      <p className="text-sm text-stone-600">
        Cannot scan? Enter this key: <code data-testid="totp-secret">{enrolment.secret}</code>
      </p>
      <ActionForm
        action={confirm}
        onSuccess={(d) => setCodes(d.recoveryCodes)}
        className="space-y-3"
        aria-label="Confirm two-step sign-in"
      >
        <Field name="code" label="Code from the app" autoComplete="one-time-code" inputMode="numeric" required />
        <FormError />
        <SubmitButton pendingText="Checking…">Turn on</SubmitButton>
      </ActionForm>
    </div>
  );
}

function Ended() {
  const { state, pending } = useActionFormState();
  if (!state?.ok || pending) return null;
  const { endedSessions } = state.data as { endedSessions: number };
  return (
    <p role="status" className="text-sm text-accent-700">
      Two-step sign-in is off{endedSessions ? `; ${endedSessions} other session(s) were signed out` : ""}.
    </p>
  );
}

export function DisableTotpForm({ action }: { action: Act<{ endedSessions: number }> }) {
  return (
    <ActionForm action={action} className="space-y-3" aria-label="Turn off two-step sign-in" resetOnSuccess>
      <Field
        name="code"
        label="Current code or a recovery code"
        autoComplete="one-time-code"
        required
        hint="Turning it off signs out your other sessions."
      />
      <FormError />
      <Ended />
      <SubmitButton className="btn-secondary" pendingText="Turning off…">
        Turn off two-step sign-in
      </SubmitButton>
    </ActionForm>
  );
}

export function WorkspaceMfaForm({
  action,
  workspace,
}: {
  action: Act<{ workspaceId: string; requireMfa: boolean }>;
  workspace: { id: string; name: string; requireMfa: boolean };
}) {
  const turnOn = !workspace.requireMfa;
  return (
    <ActionForm
      action={action}
      hidden={{ workspaceId: workspace.id, requireMfa: turnOn ? "on" : "off" }}
      className="flex flex-col items-end gap-1"
    >
      <SubmitButton className="btn-secondary" pendingText="Saving…">
        {turnOn ? "Require two-step sign-in" : "Stop requiring it"}
        <span className="sr-only"> in {workspace.name}</span>
      </SubmitButton>
      <FormError className="max-w-xs text-right" />
    </ActionForm>
  );
}
