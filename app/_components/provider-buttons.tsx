"use client";
// One button per configured sign-in provider; nothing at all when none is configured.
import { ActionForm, FormError, SubmitButton } from "./action-form";
import type { ActionState } from "@/lib/http/action";

type Act = (prev: ActionState<never>, form: FormData) => Promise<ActionState<never>>;

export function ProviderButtons({
  providers,
  action,
  next,
  verb,
}: {
  providers: { id: string; name: string }[];
  action: Act;
  next?: string;
  verb: string;
}) {
  if (providers.length === 0) return null;
  return (
    <div className="mt-6">
      <p className="mb-3 flex items-center gap-3 text-xs text-stone-600 before:h-px before:flex-1 before:bg-stone-200 after:h-px after:flex-1 after:bg-stone-200">
        or
      </p>
      <ul className="space-y-2">
        {providers.map((p) => (
          <li key={p.id}>
            <ActionForm
              action={action}
              hidden={{ provider: p.id, ...(next ? { next } : {}) }}
              className="space-y-1"
              aria-label={`${verb} with ${p.name}`}
            >
              <SubmitButton className="btn-secondary w-full" pendingText={`Opening ${p.name}…`}>
                {verb} with {p.name}
              </SubmitButton>
              <FormError />
            </ActionForm>
          </li>
        ))}
      </ul>
    </div>
  );
}
