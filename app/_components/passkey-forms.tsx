"use client";
// Passkeys in the browser (@simplewebauthn/browser): register one from settings, sign in with one.
import { startAuthentication, startRegistration } from "@simplewebauthn/browser";
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/http/action";

type Call<I, T> = (prev: ActionState<T>, input: I) => Promise<ActionState<T>>;

/** The browser's own refusal (cancelled, timed out, no authenticator) in words a person can act on. */
function browserMessage(error: unknown): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === "NotAllowedError") return "The passkey request was cancelled or timed out.";
  if (name === "InvalidStateError") return "This passkey is already registered.";
  return "This browser could not use a passkey.";
}

function Problem({ message }: { message: string | null }) {
  return (
    <div role="alert" aria-live="polite">
      {message && (
        <p className="mt-2 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>
      )}
    </div>
  );
}

export function RegisterPasskey({
  options,
  register,
}: {
  options: Call<Record<string, never>, PublicKeyCredentialCreationOptionsJSON>;
  register: Call<{ name: string; response: string }, { id: string; name: string }>;
}) {
  const [name, setName] = useState("My passkey");
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function add(event: React.FormEvent) {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    startTransition(async () => {
      const opts = await options(null, {});
      if (!opts?.ok) return setProblem(opts?.error.message ?? "Could not start");
      let response;
      try {
        response = await startRegistration({ optionsJSON: opts.data });
      } catch (error) {
        return setProblem(browserMessage(error));
      }
      const saved = await register(null, { name, response: JSON.stringify(response) });
      if (!saved?.ok) return setProblem(saved?.error.message ?? "Could not save the passkey");
      setDone(saved.data.name);
    });
  }

  return (
    <form onSubmit={add} className="space-y-3" aria-label="Add a passkey">
      <div>
        <label htmlFor="passkey-name" className="block text-sm font-medium">
          Passkey name
        </label>
        <input
          id="passkey-name"
          className="input"
          value={name}
          maxLength={60}
          required
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <button type="submit" className="btn-secondary" disabled={pending}>
        {pending ? "Waiting for the passkey…" : "Add a passkey"}
      </button>
      <Problem message={problem} />
      <p role="status" className="text-sm text-accent-700">
        {done ? `Passkey “${done}” added.` : ""}
      </p>
    </form>
  );
}

export function PasskeySignIn({
  options,
  signIn,
  next,
}: {
  options: Call<Record<string, never>, PublicKeyCredentialRequestOptionsJSON>;
  signIn: Call<{ response: string; next?: string }, never>;
  next?: string;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function go() {
    setProblem(null);
    startTransition(async () => {
      const opts = await options(null, {});
      if (!opts?.ok) return setProblem(opts?.error.message ?? "Could not start");
      let response;
      try {
        response = await startAuthentication({ optionsJSON: opts.data });
      } catch (error) {
        return setProblem(browserMessage(error));
      }
      // On success the action redirects (Auth.js set the cookie); only a refusal comes back.
      const result = await signIn(null, { response: JSON.stringify(response), ...(next ? { next } : {}) });
      if (result && !result.ok) setProblem(result.error.message);
    });
  }

  return (
    <div>
      <button type="button" className="btn-secondary w-full" onClick={go} disabled={pending}>
        {pending ? "Waiting for the passkey…" : "Sign in with a passkey"}
      </button>
      <Problem message={problem} />
    </div>
  );
}
