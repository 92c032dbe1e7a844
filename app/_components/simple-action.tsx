"use client";
// A one-button form (join, leave, archive, revoke, delete): hidden fields, a pending state, and the error
// right beside the button.
import { ActionForm, FormError, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

export function SimpleAction<T>({
  action,
  hidden,
  label,
  pendingText,
  className = "btn-secondary",
  confirm,
  srLabel,
}: {
  action: (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
  hidden: Record<string, string>;
  label: string;
  pendingText?: string;
  className?: string;
  confirm?: string;
  srLabel?: string;
}) {
  return (
    <ActionForm action={action} hidden={hidden} confirm={confirm} className="inline-flex flex-col items-end gap-1">
      <SubmitButton className={className} pendingText={pendingText}>
        {label}
        {srLabel && <span className="sr-only"> {srLabel}</span>}
      </SubmitButton>
      <FormError className="max-w-xs text-right" />
    </ActionForm>
  );
}
