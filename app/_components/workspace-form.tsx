"use client";
import { ActionForm, Field, FormError, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

export function CreateWorkspaceForm({
  action,
  autoFocus,
}: {
  action: (prev: ActionState<never>, form: FormData) => Promise<ActionState<never>>;
  autoFocus?: boolean;
}) {
  return (
    <ActionForm action={action} className="space-y-3" aria-label="Create a workspace">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start">
        <Field
          name="name"
          label="Workspace name"
          placeholder="e.g. Acme design team"
          maxLength={80}
          autoComplete="off"
          required
          autoFocus={autoFocus}
          className="flex-1"
        />
        <SubmitButton className="btn-primary sm:mt-6" pendingText="Creating…">
          Create workspace
        </SubmitButton>
      </div>
      <FormError />
    </ActionForm>
  );
}
