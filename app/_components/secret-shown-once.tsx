"use client";
// A secret the server shows once (a new API token, a webhook's signing secret): a read-only field that selects
// itself on focus, a copy button, "Done" to put it away, and a line on how to use it.
import { useState } from "react";

export function SecretShownOnce({
  message,
  inputId,
  label,
  secret,
  testId,
  usage,
  onDone,
  className = "",
}: {
  /** What happened, and that it will not be shown again. */
  message: React.ReactNode;
  inputId: string;
  /** The field's accessible name. */
  label: string;
  secret: string;
  testId: string;
  usage: React.ReactNode;
  onDone: () => void;
  className?: string;
}) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div role="status" className={`rounded-lg border border-accent-600/40 bg-accent-50 p-4 ${className}`}>
      <p className="font-medium text-accent-800">{message}</p>
      <div className="mt-3 flex flex-col gap-2 sm:flex-row">
        <label htmlFor={inputId} className="sr-only">
          {label}
        </label>
        <input
          id={inputId}
          readOnly
          value={secret}
          onFocus={(e) => e.currentTarget.select()}
          className="input font-mono text-xs"
          data-testid={testId}
        />
        <button type="button" className="btn-primary" onClick={() => void copy()}>
          {copied ? "Copied" : "Copy"}
        </button>
        <button type="button" className="btn-ghost" onClick={onDone}>
          Done
        </button>
      </div>
      <p className="mt-2 text-xs text-stone-600">{usage}</p>
    </div>
  );
}
