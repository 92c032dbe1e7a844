import type { Metadata } from "next";
import Link from "next/link";
import { ProfileForm } from "@/app/_components/account-forms";
import { AccountHeader } from "@/app/_components/account-header";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { VerifyBanner } from "@/app/_components/verify-banner";
import { loadShell } from "@/app/_lib/loaders";
import { requireActor } from "@/app/_lib/session";
import { listMySessions } from "@/lib/domain/sessions/sessions";
import { getSignInMethods } from "@/lib/domain/users/sign-in-methods";
import { listMyIdentities } from "@/lib/domain/accounts/manage-identities";
import { configuredProviders } from "@/lib/auth/providers";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { SignInMethodsSection } from "./sign-in-methods-section";
import { PasswordSection } from "./password-section";
import { endOtherSessionsAction, endSessionAction, resendVerificationAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage({
  searchParams,
}: {
  searchParams: Promise<{ error?: string; provider?: string }>;
}) {
  const actor = await requireActor("/settings");
  const [{ me, workspaces }, sessions, methods, identities] = await Promise.all([
    loadShell(),
    listMySessions(actor),
    getSignInMethods(actor),
    listMyIdentities(actor),
  ]);
  const linkProblem = signInErrorMessage(await searchParams);
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <div className="min-h-dvh">
      <AccountHeader name={me.name} />
      {!me.emailVerified && <VerifyBanner email={me.email} action={resendVerificationAction} />}
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={workspaces.length === 1 && workspaces[0] ? `/w/${workspaces[0].id}` : "/w"} className="link">
            ← {workspaces.length === 1 && workspaces[0] ? workspaces[0].name : "Your workspaces"}
          </Link>
        </nav>
        <h1 className="mt-2 text-2xl font-semibold">Settings</h1>
        <p className="mt-1 text-sm">
          <Link href="/settings/security" className="link">
            Security: two-step sign-in and passkeys →
          </Link>
        </p>
        <section className="card mt-6 p-5" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="font-semibold">
            Profile
          </h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            Signed in as {me.email} (@{me.handle}){me.emailVerified ? " · verified" : " · not verified yet"}.
          </p>
          <ProfileForm action={updateProfileAction} name={me.name} timeZone={me.timeZone} zones={zones} />
        </section>
        <PasswordSection hasPassword={methods.hasPassword} />
        <SignInMethodsSection identities={identities} providers={configuredProviders()} problem={linkProblem} />
        <section className="card mt-6 p-5" aria-labelledby="sessions-heading">
          <h2 id="sessions-heading" className="font-semibold">
            Sessions
          </h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            Where you are signed in. Ending a session signs that browser out on its next click.
          </p>
          <ul className="divide-y divide-stone-200">
            {sessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                <div className="min-w-0">
                  <p className="font-medium">
                    {s.device}
                    {s.current && <span className="ml-2 text-accent-700">· this device</span>}
                  </p>
                  <p className="text-stone-600">
                    {s.clientAddress} · signed in <Time date={s.createdAt} /> · last seen <Time date={s.lastSeenAt} />
                  </p>
                </div>
                {!s.current && (
                  <SimpleAction
                    action={endSessionAction}
                    hidden={{ sessionId: s.id }}
                    label="End session"
                    srLabel={`on ${s.device}`}
                    pendingText="Ending…"
                  />
                )}
              </li>
            ))}
          </ul>
          {sessions.some((s) => !s.current) && (
            <div className="mt-4">
              <SimpleAction
                action={endOtherSessionsAction}
                hidden={{}}
                label="Sign out everywhere else"
                pendingText="Signing out…"
              />
            </div>
          )}
        </section>
      </main>
    </div>
  );
}
