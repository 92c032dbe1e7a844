"use client";
// A form bound to a server action through useActionState: pending state, field errors, an aria-live error
// region, Ctrl/Cmd+Enter to submit, and (optionally) a reset after success. Field values survive an error.
import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef } from "react";
import type { ActionState } from "@/lib/http/action";

type Action<T> = (prev: ActionState<T>, form: FormData) => Promise<ActionState<T>>;

type Ctx = { state: ActionState<unknown>; pending: boolean; errorId: string };
const FormCtx = createContext<Ctx>({ state: null, pending: false, errorId: "" });
export const useActionFormState = () => useContext(FormCtx);

export function ActionForm<T>({
  action,
  children,
  className,
  resetOnSuccess = false,
  hidden,
  onSuccess,
  confirm: confirmText,
  "aria-label": ariaLabel,
}: {
  action: Action<T>;
  children: React.ReactNode;
  className?: string;
  resetOnSuccess?: boolean;
  hidden?: Record<string, string>;
  onSuccess?: (data: T) => void;
  confirm?: string;
  "aria-label"?: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const ref = useRef<HTMLFormElement>(null);
  const errorId = useId();

  useEffect(() => {
    if (state?.ok) {
      if (resetOnSuccess) ref.current?.reset();
      onSuccess?.(state.data);
    } else if (state && !state.ok) {
      // Move focus to the first invalid field so keyboard and screen-reader users land on the problem.
      ref.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- run once per new result only
  }, [state]);

  // Submitting through onSubmit (not the form's action) keeps the typed values on error: React resets a
  // form after an action prop completes. Without JavaScript the action attribute still works.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (confirmText && !window.confirm(confirmText)) return;
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLFormElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      event.currentTarget.requestSubmit();
    }
  }

  return (
    <FormCtx.Provider value={{ state: state, pending, errorId }}>
      <form
        ref={ref}
        action={formAction}
        onSubmit={submit}
        onKeyDown={onKeyDown}
        className={className}
        aria-label={ariaLabel}
        noValidate
      >
        {hidden &&
          Object.entries(hidden).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {children}
      </form>
    </FormCtx.Provider>
  );
}

/** The form-level message (not tied to one field); announced politely when it appears. */
export function FormError({ className = "" }: { className?: string }) {
  const { state, errorId } = useActionFormState();
  const message = state && !state.ok ? state.error.message : null;
  return (
    <div id={errorId} role="alert" aria-live="polite" className={className}>
      {message && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{message}</p>
      )}
    </div>
  );
}

/** For forms that save on change (no button): "Saving…" while the action runs, then "Saved", announced politely. */
export function SaveStatus({ className = "" }: { className?: string }) {
  const { state, pending } = useActionFormState();
  const text = pending ? "Saving…" : state?.ok ? "Saved" : "";
  return (
    <span role="status" aria-live="polite" className={`text-xs text-stone-600 ${className}`}>
      {text}
    </span>
  );
}

export function useFieldError(name: string): string | undefined {
  const { state } = useActionFormState();
  return state && !state.ok ? state.error.fields?.[name] : undefined;
}

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  textarea?: boolean;
  className?: string;
} & Omit<React.InputHTMLAttributes<HTMLInputElement> & React.TextareaHTMLAttributes<HTMLTextAreaElement>, "name">;

/** Label, control, hint and the field's own error, wired together with ids for assistive tech. */
export function Field({ name, label, hint, textarea, className = "", ...rest }: FieldProps) {
  const id = useId();
  const error = useFieldError(name);
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    className: "input",
  };
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      {textarea ? <textarea {...rest} {...common} /> : <input {...rest} {...common} />}
      {hint && !error && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-red-700">
          {capitalize(label)} {error}
        </p>
      )}
    </div>
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function SubmitButton({
  children,
  pendingText,
  className = "btn-primary",
  name,
  value,
  disabled,
}: {
  children: React.ReactNode;
  pendingText?: string;
  className?: string;
  name?: string;
  value?: string;
  disabled?: boolean;
}) {
  const { pending } = useActionFormState();
  return (
    <button
      type="submit"
      className={className}
      name={name}
      value={value}
      disabled={disabled || pending}
      aria-disabled={disabled || pending}
    >
      {pending && <Spinner />}
      {pending && pendingText ? pendingText : children}
    </button>
  );
}

export function Spinner() {
  return (
    <span aria-hidden className="size-3.5 animate-spin rounded-full border-2 border-current border-t-transparent" />
  );
}

/** A quiet confirmation after a successful submit (for forms that stay on the page). */
export function FormSuccess({ children }: { children: React.ReactNode }) {
  const { state, pending } = useActionFormState();
  return (
    <p role="status" aria-live="polite" className="text-sm text-accent-700">
      {state?.ok && !pending ? children : null}
    </p>
  );
}
