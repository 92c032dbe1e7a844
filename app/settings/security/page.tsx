import type { Metadata } from "next";
import Link from "next/link";
import { DisableTotpForm, TotpEnrolment, WorkspaceMfaForm } from "@/app/_components/mfa-forms";
import { AccountHeader } from "@/app/_components/account-header";
import { loadShell } from "@/app/_lib/loaders";
import { requireActor } from "@/app/_lib/session";
import { RegisterPasskey } from "@/app/_components/passkey-forms";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { listMyPasskeys } from "@/lib/domain/mfa/passkeys";
import { getSecurityOverview } from "@/lib/domain/mfa/security-overview";
import {
  confirmTotpAction,
  disableTotpAction,
  passkeyOptionsAction,
  registerPasskeyAction,
  removePasskeyAction,
  startTotpAction,
  workspaceSecurityAction,
} from "./actions";

export const metadata: Metadata = { title: "Security" };
export const dynamic = "force-dynamic";

export default async function SecurityPage() {
  const actor = await requireActor("/settings/security");
  const [{ me }, overview, passkeys] = await Promise.all([
    loadShell(),
    getSecurityOverview(actor),
    listMyPasskeys(actor),
  ]);
  const waiting = overview.totpOn ? [] : overview.requiredBy;
  return (
    <div className="min-h-dvh">
      <AccountHeader name={me.name} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href="/settings" className="link">
            ← Settings
          </Link>
        </nav>
        <h1 className="mt-2 text-2xl font-semibold">Security</h1>
        {waiting.length > 0 && (
          <p
            role="alert"
            className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
          >
            {waiting.map((w) => w.name).join(", ")} {waiting.length === 1 ? "requires" : "require"} two-step sign-in.
            Set it up below to continue.
          </p>
        )}
        <section className="card mt-6 p-5" aria-labelledby="totp-heading">
          <h2 id="totp-heading" className="font-semibold">
            Two-step sign-in
          </h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            {overview.totpOn
              ? `On: signing in asks for a code from your authenticator app. ${overview.recoveryCodesLeft} recovery codes left.`
              : "Off. With it on, signing in also asks for a code from an authenticator app on your phone."}
          </p>
          {overview.totpOn ? (
            <DisableTotpForm action={disableTotpAction} />
          ) : (
            <TotpEnrolment start={startTotpAction} confirm={confirmTotpAction} />
          )}
        </section>
        <section className="card mt-6 p-5" aria-labelledby="passkeys-heading">
          <h2 id="passkeys-heading" className="font-semibold">
            Passkeys
          </h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            A passkey signs you in on its own, with your device&apos;s screen lock or a security key. Removing one signs
            out your other sessions.
          </p>
          {passkeys.length > 0 && (
            <ul className="mb-4 divide-y divide-stone-200" aria-label="Your passkeys">
              {passkeys.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                  <p>
                    <span className="font-medium">{p.name}</span>
                    <span className="text-stone-600">
                      {" "}
                      · added <Time date={p.createdAt} />
                      {p.lastUsedAt && (
                        <>
                          {" "}
                          · last used <Time date={p.lastUsedAt} />
                        </>
                      )}
                    </span>
                  </p>
                  <SimpleAction
                    action={removePasskeyAction}
                    hidden={{ passkeyId: p.id }}
                    label="Remove"
                    srLabel={p.name}
                    pendingText="Removing…"
                    confirm={`Remove the passkey “${p.name}”? Your other sessions will be signed out.`}
                  />
                </li>
              ))}
            </ul>
          )}
          <RegisterPasskey options={passkeyOptionsAction} register={registerPasskeyAction} />
        </section>
        {overview.owned.length > 0 && (
          <section className="card mt-6 p-5" aria-labelledby="policy-heading">
            <h2 id="policy-heading" className="font-semibold">
              Workspace requirements
            </h2>
            <p className="mt-1 mb-4 text-sm text-stone-600">
              As an owner you can require two-step sign-in for everyone in a workspace. Members without it are asked to
              set it up before they can open it, and their API tokens stop working until they do.
            </p>
            <ul className="divide-y divide-stone-200">
              {overview.owned.map((w) => (
                <li key={w.id} className="flex flex-wrap items-center justify-between gap-2 py-3 text-sm">
                  <p>
                    <span className="font-medium">{w.name}</span>
                    <span className="text-stone-600"> · {w.requireMfa ? "required" : "not required"}</span>
                  </p>
                  <WorkspaceMfaForm action={workspaceSecurityAction} workspace={w} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
