import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GlobeIcon } from "@/app/_components/icons";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { loadWorkspace } from "@/app/_lib/loaders";
import { AppError } from "@/lib/errors";
import { canManageWebhooks } from "@/lib/domain/policy";
import { listWebhookDeliveriesFor } from "@/lib/domain/webhooks/deliveries";
import { getWebhookEndpointOrThrow } from "@/lib/domain/webhooks/manage-endpoints";
import { id, pageQuery } from "@/lib/validation/common";
import { redeliverWebhookAction, testWebhookAction } from "../actions";

export const metadata: Metadata = { title: "Webhook deliveries" };

const statusStyle: Record<string, string> = {
  SUCCEEDED: "bg-accent-100 text-accent-800",
  PENDING: "bg-stone-100 text-stone-700",
  FAILED: "bg-amber-100 text-amber-900",
  DEAD: "bg-red-100 text-red-800",
};
const statusLabel: Record<string, string> = {
  SUCCEEDED: "delivered",
  PENDING: "pending",
  FAILED: "failed, will retry",
  DEAD: "gave up",
};

export default async function WebhookDeliveriesPage({
  params,
  searchParams,
}: {
  params: Promise<{ workspaceId: string; webhookId: string }>;
  searchParams: Promise<{ cursor?: string }>;
}) {
  const { workspaceId, webhookId } = await params;
  const { actor } = await loadWorkspace(workspaceId);
  if (!canManageWebhooks(actor, workspaceId) || !id.safeParse(webhookId).success) notFound();
  const endpoint = await getWebhookEndpointOrThrow(actor, workspaceId, webhookId).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const query = pageQuery.safeParse({ cursor: (await searchParams).cursor, limit: 25 });
  const page = await listWebhookDeliveriesFor(
    actor,
    workspaceId,
    webhookId,
    query.success ? query.data : { limit: 25 },
  );

  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <p className="text-sm">
        <Link href={`/w/${workspaceId}/webhooks`} className="text-stone-600 underline-offset-2 hover:underline">
          ← Webhooks
        </Link>
      </p>
      <h1 className="mt-2 text-xl font-semibold">Deliveries</h1>
      <p className="mt-1 font-mono text-xs break-all text-stone-700">{endpoint.url}</p>
      {endpoint.disabledAt && (
        <p role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This endpoint is turned off
          {endpoint.disabledReason === "failing" ? " because it kept failing" : ""}: nothing is sent until it is enabled
          again on the webhooks page.
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-stone-600">
          Newest first. Failed deliveries are retried after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h.
        </p>
        <div className="flex gap-2">
          <Link href={`/w/${workspaceId}/webhooks/${webhookId}`} className="btn-ghost py-1.5">
            Refresh
          </Link>
          {!endpoint.disabledAt && (
            <SimpleAction
              action={testWebhookAction}
              hidden={{ workspaceId, webhookId }}
              label="Send test event"
              pendingText="Sending…"
              className="btn-secondary py-1.5"
            />
          )}
        </div>
      </div>

      {page.items.length === 0 ? (
        <div className="mt-4 rounded-lg border border-dashed border-stone-300 px-6 py-10 text-center text-sm text-stone-600">
          <GlobeIcon className="mx-auto size-7 text-stone-400" />
          <p className="mt-2">No deliveries yet. Events this endpoint subscribes to will show here.</p>
        </div>
      ) : (
        <ol className="mt-4 space-y-3" aria-label="Deliveries">
          {page.items.map((d) => (
            <li key={d.id} className="rounded-lg border border-stone-200 bg-white p-4" data-testid="webhook-delivery">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <code className="font-mono text-xs font-medium">{d.eventType}</code>
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-medium ${statusStyle[d.status]}`}
                  data-testid="delivery-status"
                >
                  {statusLabel[d.status]}
                </span>
                <span className="text-xs text-stone-600">
                  <Time date={d.createdAt} /> · {d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}
                  {d.status === "FAILED" && d.nextAttemptAt && (
                    <>
                      {" "}
                      · next retry <Time date={d.nextAttemptAt} />
                    </>
                  )}
                </span>
                <span className="flex-1" />
                {!endpoint.disabledAt && d.status !== "PENDING" && (
                  <SimpleAction
                    action={redeliverWebhookAction}
                    hidden={{ workspaceId, webhookId, deliveryId: d.id }}
                    label="Redeliver"
                    srLabel={`${d.eventType} ${d.eventId}`}
                    pendingText="Queuing…"
                    className="btn-secondary py-1"
                  />
                )}
              </div>
              <p className="mt-1 font-mono text-[0.7rem] text-stone-500">webhook-id {d.eventId}</p>
              {d.attemptLog.length > 0 && (
                <table className="mt-3 w-full text-left text-xs">
                  <caption className="sr-only">Attempts of this delivery, newest first</caption>
                  <thead className="text-stone-600">
                    <tr>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        When
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Result
                      </th>
                      <th scope="col" className="py-1 pr-3 font-medium">
                        Duration
                      </th>
                      <th scope="col" className="py-1 font-medium">
                        Response
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-stone-100">
                    {d.attemptLog.map((a) => (
                      <tr key={a.id} data-testid="webhook-attempt">
                        <td className="py-1 pr-3 align-top whitespace-nowrap">
                          <Time date={a.createdAt} />
                        </td>
                        <td className="py-1 pr-3 align-top whitespace-nowrap">
                          {a.statusCode !== null ? `HTTP ${a.statusCode}` : (a.error ?? "no response")}
                        </td>
                        <td className="py-1 pr-3 align-top whitespace-nowrap">{a.durationMs} ms</td>
                        <td className="py-1 align-top">
                          <code className="font-mono break-all text-stone-700">{a.responseExcerpt || "—"}</code>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </li>
          ))}
        </ol>
      )}
      {page.nextCursor && (
        <p className="mt-3 text-right text-sm">
          <Link href={`/w/${workspaceId}/webhooks/${webhookId}?cursor=${page.nextCursor}`} className="underline">
            Older deliveries
          </Link>
        </p>
      )}
    </div>
  );
}
