"use client";
import { useId } from "react";
import { ActionForm, FormError, SaveStatus, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
const levels = [
  { value: "ALL", label: "Everything" },
  { value: "MENTIONS", label: "Mentions only" },
  { value: "NOTHING", label: "Nothing" },
] as const;

/** The person's own email level for a channel; saving happens as soon as the choice changes. */
export function NotifyLevelForm<T>({
  action,
  workspaceId,
  channelId,
  level,
}: {
  action: Act<T>;
  workspaceId: string;
  channelId: string;
  level: string;
}) {
  const id = useId();
  return (
    <ActionForm
      action={action}
      hidden={{ workspaceId, channelId }}
      className="inline-flex flex-col items-end gap-1"
      aria-label="Notifications for this channel"
    >
      <div className="flex items-center gap-1">
        <label htmlFor={id} className="text-xs text-stone-600">
          Notify me
        </label>
        <select
          id={id}
          name="level"
          defaultValue={level}
          className="input w-auto py-1.5 text-sm"
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
        >
          {levels.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
        <SaveStatus className="min-w-[4.5rem]" />
      </div>
      <FormError className="max-w-xs text-right" />
    </ActionForm>
  );
}

export function AddChannelMemberForm<T>({
  action,
  workspaceId,
  channelId,
  candidates,
}: {
  action: Act<T>;
  workspaceId: string;
  channelId: string;
  candidates: { id: string; name: string; handle: string }[];
}) {
  const id = useId();
  return (
    <ActionForm
      action={action}
      hidden={{ workspaceId, channelId }}
      className="space-y-2"
      aria-label="Add someone to this channel"
    >
      <label htmlFor={id} className="label">
        Add a member of the workspace
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <select id={id} name="userId" className="input flex-1" required defaultValue="">
          <option value="" disabled>
            Choose a person…
          </option>
          {candidates.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name} (@{c.handle})
            </option>
          ))}
        </select>
        <SubmitButton className="btn-primary" pendingText="Adding…">
          Add to channel
        </SubmitButton>
      </div>
      <FormError />
    </ActionForm>
  );
}
