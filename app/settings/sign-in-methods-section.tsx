// Settings → sign-in methods: linked provider identities (unlink), and the configured providers not linked yet.
import { SignInProblem } from "@/app/_components/sign-in-problem";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { linkProviderAction, unlinkIdentityAction } from "./sign-in-method-actions";

type Identity = { id: string; provider: string; email: string | null; createdAt: Date; lastUsedAt: Date | null };

export function SignInMethodsSection({
  identities,
  providers,
  problem,
}: {
  identities: Identity[];
  providers: { id: string; name: string }[];
  problem?: string;
}) {
  if (providers.length === 0 && identities.length === 0) return null;
  const nameOf = (id: string) => providers.find((p) => p.id === id)?.name ?? id;
  const linkable = providers.filter((p) => !identities.some((i) => i.provider === p.id));
  return (
    <section className="card mt-6 p-5" aria-labelledby="methods-heading">
      <h2 id="methods-heading" className="font-semibold">
        Sign-in methods
      </h2>
      <p className="mt-1 mb-4 text-sm text-stone-600">
        Accounts at other services you can sign in with. Linking one emails you a notice.
      </p>
      <SignInProblem message={problem} />
      {identities.length > 0 && (
        <ul className="divide-y divide-stone-200" aria-label="Linked sign-in methods">
          {identities.map((i) => (
            <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium">{nameOf(i.provider)}</p>
                <p className="text-stone-600">
                  {i.email ?? "no email shared"} · linked <Time date={i.createdAt} />
                </p>
              </div>
              <SimpleAction
                action={unlinkIdentityAction}
                hidden={{ accountId: i.id }}
                label="Unlink"
                srLabel={nameOf(i.provider)}
                pendingText="Unlinking…"
              />
            </li>
          ))}
        </ul>
      )}
      {linkable.length > 0 && (
        <div className="mt-4 flex flex-wrap gap-2">
          {linkable.map((p) => (
            <SimpleAction
              key={p.id}
              action={linkProviderAction}
              hidden={{ provider: p.id }}
              label={`Link ${p.name}`}
              pendingText={`Opening ${p.name}…`}
            />
          ))}
        </div>
      )}
    </section>
  );
}
