"use client";
import { useState } from "react";
import { SecretShownOnce } from "./secret-shown-once";
import { ActionForm, Field, FormError, SubmitButton, useFieldError } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Created = { id: string; name: string; token: string };

const scopeHelp: Record<string, string> = {
  "workspace:read": "Read the workspace",
  "channels:read": "List and read channels",
  "channels:write": "Create and change channels",
  "posts:read": "Read posts and comments",
  "posts:write": "Write posts and comments",
  "files:write": "Upload files and attach them to posts",
  "members:read": "List members",
  "members:write": "Change roles, remove members",
  admin: "Everything above",
};

export function TokenForm({
  action,
  workspaceId,
  scopes,
}: {
  action: (prev: ActionState<Created>, form: FormData) => Promise<ActionState<Created>>;
  workspaceId: string;
  scopes: readonly string[];
}) {
  const [created, setCreated] = useState<Created | null>(null);
  return (
    <div className="space-y-4">
      {created && <NewSecret created={created} onDone={() => setCreated(null)} />}
      <ActionForm
        action={action}
        hidden={{ workspaceId }}
        resetOnSuccess
        onSuccess={setCreated}
        className="space-y-4"
        aria-label="Create an API token"
      >
        <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
          <Field name="name" label="Name" placeholder="e.g. Deploy bot" maxLength={80} autoComplete="off" required />
          <div>
            <label htmlFor="expiresInDays" className="label">
              Expires
            </label>
            <select id="expiresInDays" name="expiresInDays" className="input" defaultValue="90">
              <option value="7">in 7 days</option>
              <option value="30">in 30 days</option>
              <option value="90">in 90 days</option>
              <option value="365">in a year</option>
              <option value="">never</option>
            </select>
          </div>
        </div>
        <ScopeBoxes scopes={scopes} />
        <FormError />
        <div className="flex justify-end">
          <SubmitButton pendingText="Creating…">Create token</SubmitButton>
        </div>
      </ActionForm>
    </div>
  );
}

function ScopeBoxes({ scopes }: { scopes: readonly string[] }) {
  const error = useFieldError("scopes");
  return (
    <fieldset aria-describedby={error ? "scopes-error" : undefined}>
      <legend className="label">Scopes</legend>
      <div className="grid gap-x-4 gap-y-2 sm:grid-cols-2">
        {scopes.map((s) => (
          <label key={s} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="scopes"
              value={s}
              defaultChecked={s === "posts:read"}
              className="mt-0.5 size-4 accent-accent-700"
            />
            <span>
              <code className="font-mono text-xs">{s}</code>
              <span className="block text-xs text-stone-600">{scopeHelp[s]}</span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id="scopes-error" className="mt-1 text-xs font-medium text-red-700">
          Scopes: {error}
        </p>
      )}
    </fieldset>
  );
}

function NewSecret({ created, onDone }: { created: Created; onDone: () => void }) {
  return (
    <SecretShownOnce
      message={<>Token “{created.name}” created. Copy it now: it will not be shown again.</>}
      inputId="new-token"
      label="New token secret"
      secret={created.token}
      testId="new-token"
      onDone={onDone}
      usage={
        <>
          Use it as <code className="font-mono">Authorization: Bearer {created.token.slice(0, 10)}…</code> against{" "}
          <code className="font-mono">/api/v1</code>.
        </>
      }
    />
  );
}
