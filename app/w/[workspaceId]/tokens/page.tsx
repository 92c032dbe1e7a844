import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KeyIcon } from "@/app/_components/icons";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { TokenForm } from "@/app/_components/token-form";
import { loadWorkspace } from "@/app/_lib/loaders";
import { atLeast } from "@/lib/domain/actor";
import { listMembers } from "@/lib/domain/members/list-members";
import { canCreateToken, canRevokeToken } from "@/lib/domain/policy";
import { listApiTokensFor } from "@/lib/domain/tokens/manage-tokens";
import { scopes } from "@/lib/validation/enums";
import { createTokenAction, revokeTokenAction } from "./actions";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspace(workspaceId);
  if (!canCreateToken(actor, workspaceId)) notFound();
  const everyone = atLeast(workspace.role, "ADMIN");
  const [tokens, members] = await Promise.all([
    listApiTokensFor(actor, workspaceId),
    everyone ? listMembers(actor, workspaceId) : [],
  ]);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const now = new Date();

  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold">API tokens</h1>
      <p className="mt-1 text-sm text-stone-600">
        Tokens let scripts and internal tools call the REST API as you, in {workspace.name} only, limited to the scopes
        you pick.
      </p>
      <p className="mt-1 text-sm">
        <Link href="/docs/api" className="link">
          API reference: every operation, its scope, pagination and error codes →
        </Link>
      </p>

      <section className="card mt-6 p-5" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading" className="mb-4 font-semibold">
          New token
        </h2>
        <TokenForm action={createTokenAction} workspaceId={workspaceId} scopes={scopes} />
      </section>

      <section className="mt-8" aria-labelledby="tokens-heading">
        <h2 id="tokens-heading" className="font-semibold">
          {everyone ? "Tokens in this workspace" : "Your tokens"}
        </h2>
        {tokens.length === 0 ? (
          <div className="mt-3 rounded-lg border border-dashed border-stone-300 px-6 py-10 text-center text-sm text-stone-600">
            <KeyIcon className="mx-auto size-7 text-stone-400" />
            <p className="mt-2">No tokens yet. Create one above to use the API.</p>
          </div>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {tokens.map((t) => {
              const expired = t.expiresAt !== null && t.expiresAt <= now;
              const status = t.revokedAt ? "revoked" : expired ? "expired" : "active";
              return (
                <li key={t.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center">
                  <div className="min-w-0 flex-1 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <span className="font-medium">{t.name}</span>
                      <code className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs">{t.prefix}…</code>
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs font-medium ${status === "active" ? "bg-accent-100 text-accent-800" : "bg-stone-100 text-stone-600"}`}
                      >
                        {status}
                      </span>
                      {everyone && t.userId !== actor.userId && (
                        <span className="text-xs text-stone-600">by {names.get(t.userId) ?? "a former member"}</span>
                      )}
                    </div>
                    <div className="mt-1 flex flex-wrap gap-1">
                      {t.scopes.map((s) => (
                        <code
                          key={s}
                          className="rounded border border-stone-200 px-1.5 py-0.5 font-mono text-[0.7rem] text-stone-600"
                        >
                          {s}
                        </code>
                      ))}
                    </div>
                    <div className="mt-1 text-xs text-stone-600">
                      Created <Time date={t.createdAt} /> ·{" "}
                      {t.lastUsedAt ? (
                        <>
                          last used <Time date={t.lastUsedAt} />
                        </>
                      ) : (
                        "never used"
                      )}{" "}
                      ·{" "}
                      {t.revokedAt ? (
                        <>
                          revoked <Time date={t.revokedAt} />
                        </>
                      ) : t.expiresAt ? (
                        <>
                          {expired ? "expired" : "expires"} <Time date={t.expiresAt} />
                        </>
                      ) : (
                        "no expiry"
                      )}
                    </div>
                  </div>
                  {!t.revokedAt && canRevokeToken(actor, t) && (
                    <SimpleAction
                      action={revokeTokenAction}
                      hidden={{ workspaceId, tokenId: t.id }}
                      label="Revoke"
                      srLabel={t.name}
                      pendingText="Revoking…"
                      className="btn-danger py-1.5"
                      confirm={`Revoke “${t.name}”? Anything using it stops working at once.`}
                    />
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
