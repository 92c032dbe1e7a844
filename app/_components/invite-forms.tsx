"use client";
import { useId } from "react";
import { ActionForm, Field, FormError, SubmitButton, useActionFormState } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "GUEST";
const roleText: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  MEMBER: "Member",
  GUEST: "Guest (only channels they are added to)",
};

export function InviteForm({
  action,
  workspaceId,
  roles,
}: {
  action: (
    prev: ActionState<{ email: string; role: Role }>,
    form: FormData,
  ) => Promise<ActionState<{ email: string; role: Role }>>;
  workspaceId: string;
  roles: Role[];
}) {
  const roleId = useId();
  return (
    <ActionForm
      action={action}
      hidden={{ workspaceId }}
      resetOnSuccess
      className="space-y-3"
      aria-label="Invite someone"
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <Field
          name="email"
          label="Email address"
          type="email"
          autoComplete="off"
          required
          placeholder="name@example.com"
          className="flex-1"
        />
        <div>
          <label htmlFor={roleId} className="label">
            Role
          </label>
          <select id={roleId} name="role" defaultValue="MEMBER" className="input sm:w-auto">
            {roles.map((r) => (
              <option key={r} value={r}>
                {roleText[r]}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton className="btn-primary sm:mt-6" pendingText="Sending…">
          Send invite
        </SubmitButton>
      </div>
      <FormError />
      <InviteSent />
    </ActionForm>
  );
}

function InviteSent() {
  const { state, pending } = useActionFormState();
  const data = state?.ok && !pending ? (state.data as { email: string }) : null;
  return (
    <p role="status" aria-live="polite" className="text-sm text-accent-700">
      {data ? `Invite sent to ${data.email}. The link works for 7 days.` : null}
    </p>
  );
}
