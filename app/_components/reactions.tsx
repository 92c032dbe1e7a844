"use client";
// Reactions under a post or comment: each emoji a toggle button (aria-pressed; its accessible name says who reacted),
// and "Add reaction", a disclosure with the usual few and a field for any other emoji. Plain forms underneath.
import { useRef } from "react";
import { ActionForm, Field, FormError, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Reaction = {
  emoji: string;
  count: number;
  reactedByMe: boolean;
  people: { id: string; name: string }[];
};
type Action = (prev: ActionState<null>, form: FormData) => Promise<ActionState<null>>;

function who(r: Reaction) {
  const names = r.people.map((p) => p.name);
  const shown = names.slice(0, 5).join(", ");
  const more = r.count - Math.min(names.length, 5);
  return more > 0 ? `${shown} and ${more} more` : shown;
}

export function Reactions({
  reactions,
  hidden,
  defaults,
  canReact,
  action,
  label,
}: {
  reactions: Reaction[];
  hidden: { workspaceId: string; postId: string; commentId: string };
  defaults: readonly string[];
  canReact: boolean;
  action: Action;
  /** What is reacted to, for screen readers: "the post", "Ada's comment". */
  label: string;
}) {
  const picker = useRef<HTMLDetailsElement>(null);
  // A reaction added from the picker closes it, as a menu would.
  const close = () => {
    if (picker.current) picker.current.open = false;
  };
  if (!canReact && reactions.length === 0) return null;
  return (
    <div className="mt-3 flex flex-wrap items-start gap-1.5" role="group" aria-label={`Reactions to ${label}`}>
      {reactions.map((r) =>
        canReact ? (
          <ActionForm
            key={r.emoji}
            action={action}
            hidden={{ ...hidden, emoji: r.emoji, reacted: String(!r.reactedByMe) }}
          >
            <button
              type="submit"
              aria-pressed={r.reactedByMe}
              title={who(r)}
              className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-sm ${r.reactedByMe ? "border-accent-600 bg-accent-50 text-accent-800" : "border-stone-200 bg-white text-stone-700 hover:border-stone-300"}`}
            >
              <span aria-hidden>{r.emoji}</span>
              <span aria-hidden>{r.count}</span>
              <span className="sr-only">
                {r.emoji} {r.count} {r.count === 1 ? "reaction" : "reactions"} from {who(r)}
                {r.reactedByMe ? ", including yours: remove yours" : ": add yours"}
              </span>
            </button>
            <FormError className="text-xs" />
          </ActionForm>
        ) : (
          <span
            key={r.emoji}
            className="inline-flex items-center gap-1 rounded-full border border-stone-200 px-2 py-0.5 text-sm text-stone-700"
            title={who(r)}
          >
            <span aria-hidden>
              {r.emoji} {r.count}
            </span>
            <span className="sr-only">
              {r.emoji} {r.count} {r.count === 1 ? "reaction" : "reactions"} from {who(r)}
            </span>
          </span>
        ),
      )}
      {canReact && (
        <details ref={picker} className="group relative">
          <summary className="inline-flex cursor-pointer list-none items-center rounded-full border border-dashed border-stone-300 px-2 py-0.5 text-sm text-stone-600 hover:border-stone-400">
            <span aria-hidden>☺+</span>
            <span className="sr-only">Add a reaction to {label}</span>
          </summary>
          <div className="absolute z-20 mt-1 w-64 rounded-lg border border-stone-200 bg-white p-2 shadow-lg">
            <ActionForm
              action={action}
              hidden={{ ...hidden, reacted: "true" }}
              className="flex flex-wrap gap-1"
              onSuccess={close}
            >
              {defaults.map((e) => (
                <SubmitButton
                  key={e}
                  name="emoji"
                  value={e}
                  className="rounded-md px-1.5 py-1 text-lg hover:bg-stone-100"
                >
                  {e}
                </SubmitButton>
              ))}
              <FormError className="w-full text-xs" />
            </ActionForm>
            <ActionForm
              action={action}
              hidden={{ ...hidden, reacted: "true" }}
              className="mt-2 flex items-end gap-1"
              resetOnSuccess
              onSuccess={close}
            >
              <Field
                name="emoji"
                label="Any emoji"
                placeholder="🙂"
                maxLength={32}
                required
                className="min-w-0 flex-1"
              />
              <SubmitButton className="btn-secondary px-2 py-1 text-sm">React</SubmitButton>
            </ActionForm>
          </div>
        </details>
      )}
    </div>
  );
}
