"use client";
import { ActionForm, Field, FormError, FormSuccess, SubmitButton, useFieldError } from "./action-form";
import { ChannelIcon } from "./icons";
import type { ActionState } from "@/lib/http/action";

type Kind = "PUBLIC" | "PRIVATE" | "ANNOUNCEMENT";
type Act<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

const kinds: { kind: Kind; title: string; text: string }[] = [
  { kind: "PUBLIC", title: "Public", text: "Everyone in the workspace can read, join and post." },
  { kind: "PRIVATE", title: "Private", text: "Only people added to it can see it." },
  { kind: "ANNOUNCEMENT", title: "Announcement", text: "Everyone reads and comments; only admins post." },
];

export function NewChannelForm({
  action,
  workspaceId,
  allowed,
}: {
  action: Act<never>;
  workspaceId: string;
  allowed: Record<Kind, boolean>;
}) {
  return (
    <ActionForm action={action} hidden={{ workspaceId }} className="space-y-5" aria-label="New channel">
      <Field
        name="name"
        label="Name"
        placeholder="e.g. design-reviews"
        maxLength={40}
        autoComplete="off"
        required
        hint="Lowercase letters, digits, - and _."
      />
      <Field
        name="description"
        label="Description (optional)"
        placeholder="What is this channel for?"
        maxLength={280}
      />
      <KindPicker allowed={allowed} />
      <FormError />
      <div className="flex justify-end">
        <SubmitButton pendingText="Creating…">Create channel</SubmitButton>
      </div>
    </ActionForm>
  );
}

function KindPicker({ allowed }: { allowed: Record<Kind, boolean> }) {
  const error = useFieldError("kind");
  return (
    <fieldset>
      <legend className="label">Kind</legend>
      <div className="grid gap-2 sm:grid-cols-3">
        {kinds.map(({ kind, title, text }) => {
          const disabled = !allowed[kind];
          return (
            <label
              key={kind}
              className={`relative flex cursor-pointer flex-col gap-1 rounded-lg border border-stone-300 bg-white p-3 text-sm has-[:checked]:border-accent-600 has-[:checked]:ring-1 has-[:checked]:ring-accent-600 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-600 ${disabled ? "cursor-not-allowed opacity-60" : "hover:border-stone-400"}`}
            >
              <span className="flex items-center gap-2 font-medium">
                <input
                  type="radio"
                  name="kind"
                  value={kind}
                  defaultChecked={kind === "PUBLIC"}
                  disabled={disabled}
                  className="sr-only"
                />
                <ChannelIcon kind={kind} /> {title}
              </span>
              <span className="text-stone-600">{text}</span>
              {disabled && (
                <span className="text-xs font-medium text-stone-600">Only admins and owners can create these.</span>
              )}
            </label>
          );
        })}
      </div>
      {error && <p className="mt-1 text-xs font-medium text-red-700">Kind {error}</p>}
    </fieldset>
  );
}

export function EditChannelForm({
  action,
  workspaceId,
  channelId,
  name,
  description,
}: {
  action: Act<{ name: string }>;
  workspaceId: string;
  channelId: string;
  name: string;
  description: string;
}) {
  return (
    <ActionForm action={action} hidden={{ workspaceId, channelId }} className="space-y-4" aria-label="Rename channel">
      <Field
        name="name"
        label="Name"
        defaultValue={name}
        maxLength={40}
        required
        hint="Lowercase letters, digits, - and _."
      />
      <Field name="description" label="Description" defaultValue={description} maxLength={280} />
      <FormError />
      <div className="flex items-center justify-end gap-3">
        <FormSuccess>Saved.</FormSuccess>
        <SubmitButton pendingText="Saving…">Save</SubmitButton>
      </div>
    </ActionForm>
  );
}
