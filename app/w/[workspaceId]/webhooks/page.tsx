import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GlobeIcon } from "@/app/_components/icons";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { RotateSecret, WebhookForm } from "@/app/_components/webhook-forms";
import { loadWorkspace } from "@/app/_lib/loaders";
import { canManageWebhooks } from "@/lib/domain/policy";
import { listWebhookEndpointsFor } from "@/lib/domain/webhooks/manage-endpoints";
import { pageQuery } from "@/lib/validation/common";
import { subscribableEventTypes, webhookEventDescriptions } from "@/lib/validation/webhooks";
import {
  createWebhookAction,
  deleteWebhookAction,
  rotateWebhookSecretAction,
  setWebhookEnabledAction,
  testWebhookAction,
} from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspace(workspaceId);
  if (!canManageWebhooks(actor, workspaceId)) notFound();
  const query = pageQuery.safeParse({ cursor: (await searchParams).cursor, limit: 50 });
  const page = await listWebhookEndpointsFor(actor, workspaceId, query.success ? query.data : { limit: 50 });
  const events = subscribableEventTypes.map((type) => ({ type, description: webhookEventDescriptions[type] }));

  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold">Webhooks</h1>
      <p className="mt-1 text-sm text-stone-600">
        Tidings POSTs what happens in {workspace.name} to your endpoints, signed with Standard Webhooks and retried with
        backoff. Each endpoint gets only what the admin who added it may see.
      </p>

      <section className="card mt-6 p-5" aria-labelledby="new-webhook-heading">
        <h2 id="new-webhook-heading" className="mb-4 font-semibold">
          Add an endpoint
        </h2>
        <WebhookForm action={createWebhookAction} workspaceId={workspaceId} events={events} />
      </section>

      <section className="mt-8" aria-labelledby="webhooks-heading">
        <h2 id="webhooks-heading" className="font-semibold">
          Endpoints
        </h2>
        {page.items.length === 0 ? (
          <div className="mt-3 rounded-lg border border-dashed border-stone-300 px-6 py-10 text-center text-sm text-stone-600">
            <GlobeIcon className="mx-auto size-7 text-stone-400" />
            <p className="mt-2">No endpoints yet. Add one above to receive events.</p>
          </div>
        ) : (
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {page.items.map((w) => {
              const status = w.disabledAt
                ? w.disabledReason === "failing"
                  ? "turned off: kept failing"
                  : "disabled"
                : w.failingSince
                  ? "failing"
                  : "active";
              return (
                <li key={w.id} className="flex flex-col gap-3 px-4 py-3" data-testid="webhook-endpoint">
                  <div className="min-w-0 text-sm">
                    <div className="flex flex-wrap items-center gap-2">
                      <Link
                        href={`/w/${workspaceId}/webhooks/${w.id}`}
                        className="font-mono text-xs font-medium break-all text-accent-800 underline-offset-2 hover:underline"
                      >
                        {w.url}
                      </Link>
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs font-medium ${status === "active" ? "bg-accent-100 text-accent-800" : status === "failing" ? "bg-amber-100 text-amber-900" : "bg-stone-100 text-stone-600"}`}
                      >
                        {status}
                      </span>
                    </div>
                    {w.description && <p className="mt-1 text-stone-700">{w.description}</p>}
                    <div className="mt-1 flex flex-wrap gap-1">
                      {w.events.map((e) => (
                        <code
                          key={e}
                          className="rounded border border-stone-200 px-1.5 py-0.5 font-mono text-[0.7rem] text-stone-600"
                        >
                          {e}
                        </code>
                      ))}
                    </div>
                    <div className="mt-1 text-xs text-stone-600">
                      Added <Time date={w.createdAt} />
                      {w.failingSince && (
                        <>
                          {" "}
                          · failing since <Time date={w.failingSince} />
                        </>
                      )}
                      {w.previousSecretExpiresAt && w.previousSecretExpiresAt > new Date() && (
                        <>
                          {" "}
                          · previous secret signs until <Time date={w.previousSecretExpiresAt} />
                        </>
                      )}
                    </div>
                  </div>
                  <div className="flex flex-wrap items-start justify-end gap-2">
                    <Link href={`/w/${workspaceId}/webhooks/${w.id}`} className="btn-secondary py-1.5">
                      Deliveries<span className="sr-only"> to {w.url}</span>
                    </Link>
                    {!w.disabledAt && (
                      <SimpleAction
                        action={testWebhookAction}
                        hidden={{ workspaceId, webhookId: w.id }}
                        label="Send test event"
                        srLabel={`to ${w.url}`}
                        pendingText="Sending…"
                        className="btn-secondary py-1.5"
                      />
                    )}
                    <RotateSecret
                      action={rotateWebhookSecretAction}
                      workspaceId={workspaceId}
                      webhookId={w.id}
                      label={w.url}
                    />
                    <SimpleAction
                      action={setWebhookEnabledAction}
                      hidden={{ workspaceId, webhookId: w.id, enabled: w.disabledAt ? "true" : "false" }}
                      label={w.disabledAt ? "Enable" : "Disable"}
                      srLabel={w.url}
                      pendingText="Saving…"
                      className="btn-secondary py-1.5"
                    />
                    <SimpleAction
                      action={deleteWebhookAction}
                      hidden={{ workspaceId, webhookId: w.id }}
                      label="Delete"
                      srLabel={w.url}
                      pendingText="Deleting…"
                      className="btn-danger py-1.5"
                      confirm={`Delete the endpoint ${w.url} and its delivery log?`}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        {page.nextCursor && (
          <p className="mt-3 text-right text-sm">
            <Link href={`/w/${workspaceId}/webhooks?cursor=${page.nextCursor}`} className="underline">
              More endpoints
            </Link>
          </p>
        )}
      </section>
    </div>
  );
}
