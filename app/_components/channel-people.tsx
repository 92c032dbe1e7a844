"use client";
import { useId, useState } from "react";
import { ActionForm, FormError, SaveStatus, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;
// What each level does, said once here for the form (the API's NotifyLevel description says the same).
const levels = [
  {
    value: "ALL",
    label: "Everything",
    hint: "Every new post, in Notifications and by email. The daily digest lists every unread post.",
  },
  {
    value: "MENTIONS",
    label: "Mentions only",
    hint: "Only @mentions of you, in Notifications and by email. The digest lists only posts that mention you.",
  },
  {
    value: "NOTHING",
    label: "Nothing",
    hint: "No emails, nothing in the digest. A mention of you still shows in Notifications.",
  },
] as const;

/** The person's own notification level for a channel; saving happens as soon as the choice changes. */
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
  const [chosen, setChosen] = useState(level);
  const hint = levels.find((l) => l.value === chosen)?.hint;
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
          aria-describedby={`${id}-hint`}
          className="input w-auto py-1.5 text-sm"
          onChange={(e) => {
            setChosen(e.currentTarget.value);
            e.currentTarget.form?.requestSubmit();
          }}
        >
          {levels.map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
        <SaveStatus className="min-w-[4.5rem]" />
      </div>
      <p id={`${id}-hint`} className="max-w-xs text-right text-xs text-stone-600">
        {hint}
      </p>
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
