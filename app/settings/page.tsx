import type { Metadata } from "next";
import Link from "next/link";
import { ProfileForm } from "@/app/_components/account-forms";
import { AccountHeader } from "@/app/_components/account-header";
import { VerifyBanner } from "@/app/_components/verify-banner";
import { loadShell } from "@/app/_lib/loaders";
import { requireActor } from "@/app/_lib/session";
import { resendVerificationAction, updateProfileAction } from "./actions";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  await requireActor("/settings");
  const { me, workspaces } = await loadShell();
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
        <section className="card mt-6 p-5" aria-labelledby="profile-heading">
          <h2 id="profile-heading" className="font-semibold">
            Profile
          </h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            Signed in as {me.email} (@{me.handle}){me.emailVerified ? " · verified" : " · not verified yet"}.
          </p>
          <ProfileForm action={updateProfileAction} name={me.name} timeZone={me.timeZone} zones={zones} />
        </section>
      </main>
    </div>
  );
}
