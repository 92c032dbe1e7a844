"use client";
// Registering a webhook endpoint, and rotating its secret: both show the signing secret once, with a copy button.
import { useState } from "react";
import { SecretShownOnce } from "./secret-shown-once";
import { ActionForm, Field, FormError, SubmitButton, useFieldError } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type WithSecret = { id: string; url: string; secret: string };
type Action = (prev: ActionState<WithSecret>, form: FormData) => Promise<ActionState<WithSecret>>;

export function WebhookForm({
  action,
  workspaceId,
  events,
}: {
  action: Action;
  workspaceId: string;
  events: { type: string; description: string }[];
}) {
  const [created, setCreated] = useState<WithSecret | null>(null);
  return (
    <div className="space-y-4">
      {created && <NewSecret shown={created} what="created" onDone={() => setCreated(null)} />}
      <ActionForm
        action={action}
        hidden={{ workspaceId }}
        resetOnSuccess
        onSuccess={setCreated}
        className="space-y-4"
        aria-label="Add a webhook endpoint"
      >
        <Field
          name="url"
          label="Endpoint URL"
          type="url"
          placeholder="https://example.com/hooks/tidings"
          maxLength={2000}
          autoComplete="off"
          required
          hint="Tidings POSTs each event here, signed (Standard Webhooks)."
        />
        <Field name="description" label="Description" placeholder="e.g. CI notifier" maxLength={200} />
        <EventBoxes events={events} />
        <FormError />
        <div className="flex justify-end">
          <SubmitButton pendingText="Adding…">Add endpoint</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}

function EventBoxes({ events }: { events: { type: string; description: string }[] }) {
  const error = useFieldError("events");
  return (
    <fieldset aria-describedby={error ? "events-error" : undefined}>
      <legend className="label">Events</legend>
      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
        {events.map((e) => (
          <label key={e.type} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="events"
              value={e.type}
              defaultChecked={e.type === "post.created"}
              className="mt-0.5 size-4 accent-accent-700"
            />
            <span>
              <code className="font-mono text-xs">{e.type}</code>
              <span className="block text-xs text-stone-600">{e.description}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="events-error" className="mt-1 text-xs font-medium text-red-700">
          Events: {error}
        </p>
      )}
    </fieldset>
  );
}

/** «Rotate secret»: a new secret shown once; the old one still signs for 24 hours. */
export function RotateSecret({
  action,
  workspaceId,
  webhookId,
  label,
}: {
  action: Action;
  workspaceId: string;
  webhookId: string;
  label: string;
}) {
  const [rotated, setRotated] = useState<WithSecret | null>(null);
  return (
    <div className="flex flex-col items-end gap-2">
      <ActionForm
        action={action}
        hidden={{ workspaceId, webhookId }}
        onSuccess={setRotated}
        confirm="Make a new signing secret? The current one keeps signing for 24 hours, so you can update your receiver."
        className="inline-flex flex-col items-end gap-1"
      >
        <SubmitButton className="btn-secondary py-1.5" pendingText="Rotating…">
          Rotate secret<span className="sr-only"> of {label}</span>
        </SubmitButton>
        <FormError className="max-w-xs text-right" />
      </ActionForm>
      {rotated && <NewSecret shown={rotated} what="rotated" onDone={() => setRotated(null)} />}
    </div>
  );
}

function NewSecret({ shown, what, onDone }: { shown: WithSecret; what: "created" | "rotated"; onDone: () => void }) {
  return (
    <SecretShownOnce
      className="w-full text-left"
      message={
        <>
          {what === "created" ? "Endpoint added." : "New secret made; the previous one still signs for 24 hours."} Copy
          the signing secret now: it will not be shown again.
        </>
      }
      inputId={`secret-${shown.id}`}
      label={`Signing secret for ${shown.url}`}
      secret={shown.secret}
      testId="webhook-secret"
      onDone={onDone}
      usage={
        <>
          Verify each request with the <code className="font-mono">standardwebhooks</code> package and this secret.
        </>
      }
    />
  );
}
