"use client";
import { ActionForm, FormError, SubmitButton, useActionFormState } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act = (
  prev: ActionState<{ alreadyVerified: boolean }>,
  form: FormData,
) => Promise<ActionState<{ alreadyVerified: boolean }>>;

/** A quiet reminder for people who have not confirmed their address yet, with a "send it again" button. */
export function VerifyBanner({ email, action }: { email: string; action: Act }) {
  return (
    <div
      role="region"
      aria-label="Email verification"
      className="border-b border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900 md:px-8"
    >
      <ActionForm action={action} className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <p className="min-w-0 flex-1 basis-64">
          Please confirm <strong className="font-medium [overflow-wrap:anywhere]">{email}</strong>: we sent you a link.
        </p>
        <Resend />
        <FormError className="basis-full" />
      </ActionForm>
    </div>
  );
}

function Resend() {
  const { state, pending } = useActionFormState();
  if (state?.ok && !pending) return <span role="status">Sent — check your inbox.</span>;
  return (
    <SubmitButton
      className="btn-ghost px-2 py-1 text-amber-900 underline underline-offset-2 hover:bg-amber-100"
      pendingText="Sending…"
    >
      Resend verification email
    </SubmitButton>
  );
}
