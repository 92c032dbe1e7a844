"use client";
import { useId } from "react";
import { ActionForm, FormError, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Role = "OWNER" | "ADMIN" | "MEMBER" | "GUEST";
const label: Record<Role, string> = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member", GUEST: "Guest" };

export function RoleForm({
  action,
  workspaceId,
  userId,
  name,
  current,
  options,
}: {
  action: (
    prev: ActionState<{ name: string; role: Role }>,
    form: FormData,
  ) => Promise<ActionState<{ name: string; role: Role }>>;
  workspaceId: string;
  userId: string;
  name: string;
  current: Role;
  options: Role[];
}) {
  const id = useId();
  return (
    <ActionForm
      action={action}
      hidden={{ workspaceId, userId }}
      className="flex flex-wrap items-center gap-2"
      aria-label={`Role of ${name}`}
    >
      <label htmlFor={id} className="sr-only">
        Role of {name}
      </label>
      <select id={id} name="role" defaultValue={current} className="input w-auto py-1.5">
        {options.map((r) => (
          <option key={r} value={r}>
            {label[r]}
          </option>
        ))}
      </select>
      <SubmitButton className="btn-secondary py-1.5" pendingText="Saving…">
        Change<span className="sr-only"> role of {name}</span>
      </SubmitButton>
      <FormError className="basis-full" />
    </ActionForm>
  );
}
