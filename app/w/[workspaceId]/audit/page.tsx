import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/app/_components/pager";
import { notFound } from "next/navigation";
import { AuditIcon } from "@/app/_components/icons";
import { Time } from "@/app/_components/time";
import { loadWorkspace } from "@/app/_lib/loaders";
import { auditActorNames, listAudit, type AuditEventView } from "@/lib/domain/audit/read-audit";
import { listMembers } from "@/lib/domain/members/list-members";
import { canReadAuditLog } from "@/lib/domain/policy";
import { AppError } from "@/lib/errors";
import { auditActions, auditPageQuery, auditTargetTypes } from "@/lib/validation/audit";

export const metadata: Metadata = { title: "Audit log" };

type Props = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const PAGE_SIZE = 50;
const FILTER_KEYS = ["action", "actor", "targetType", "targetId", "since", "until"] as const;

export default async function AuditPage({ params, searchParams }: Props) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspace(workspaceId);
  if (!canReadAuditLog(actor, workspaceId)) notFound();
  const raw = await searchParams;
  // The filters exactly as sent, to refill the form and carry into the Older and Export links.
  const sent = Object.fromEntries(
    FILTER_KEYS.flatMap((k) => (typeof raw[k] === "string" && raw[k] ? [[k, raw[k]]] : [])),
  ) as Partial<Record<(typeof FILTER_KEYS)[number], string>>;
  const query = auditPageQuery.safeParse(raw);

  let problem: string | undefined;
  let page: { items: AuditEventView[]; nextCursor: string | null } = { items: [], nextCursor: null };
  if (!query.success) {
    const fields = [...new Set(query.error.issues.map((i) => String(i.path[0] ?? "filters")))];
    problem = `These filters are not valid: ${fields.join(", ")}.`;
  } else {
    try {
      page = await listAudit(actor, workspaceId, { ...query.data, limit: PAGE_SIZE });
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== "VALIDATION_FAILED") throw error;
      problem = "That page link is not valid any more; start again from the newest entries.";
    }
  }
  const [members, names] = await Promise.all([
    listMembers(actor, workspaceId),
    auditActorNames(
      actor,
      workspaceId,
      page.items.flatMap((e) => [e.actor.userId ?? [], e.target.type === "member" ? e.target.id : []].flat()),
    ),
  ]);

  const base = `/w/${workspaceId}/audit`;
  const filterQuery = new URLSearchParams(sent).toString();
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const q = new URLSearchParams({ ...sent, ...extra }).toString();
    return q ? `${path}?${q}` : path;
  };
  const filtered = filterQuery !== "";
  const cursorShown = typeof raw.cursor === "string";

  return (
    <div className="mx-auto max-w-5xl px-4 py-6 md:px-8">
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <h1 className="text-xl font-semibold">Audit log</h1>
          <p className="mt-1 text-sm text-stone-600">
            Every change to roles, members, invites, API tokens, channels and settings in {workspace.name}: who made it,
            when, and what it changed. Only owners see this page. Entries cannot be edited; each one is chained to the
            one before by a hash, so a changed entry is detected.
          </p>
        </div>
        <a
          href={withQuery(`/api/v1/workspaces/${workspaceId}/audit/export`)}
          className="btn-secondary"
          download
          data-testid="audit-export"
        >
          Export JSONL
        </a>
      </header>

      <form method="get" action={base} className="card mt-6 grid gap-4 p-5 sm:grid-cols-2 lg:grid-cols-3" role="search">
        <h2 className="sr-only">Filter the audit log</h2>
        <div>
          <label htmlFor="audit-action" className="label">
            Action
          </label>
          <select id="audit-action" name="action" defaultValue={sent.action ?? ""} className="input">
            <option value="">Any action</option>
            {auditActions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="label">
            Who
          </label>
          <select id="audit-actor" name="actor" defaultValue={sent.actor ?? ""} className="input">
            <option value="">Anyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name} (@{m.handle})
              </option>
            ))}
            {sent.actor && !members.some((m) => m.userId === sent.actor) && (
              <option value={sent.actor}>A former member ({sent.actor})</option>
            )}
          </select>
        </div>
        <div>
          <label htmlFor="audit-target-type" className="label">
            Target
          </label>
          <select id="audit-target-type" name="targetType" defaultValue={sent.targetType ?? ""} className="input">
            <option value="">Anything</option>
            {auditTargetTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-target-id" className="label">
            Target id
          </label>
          <input
            id="audit-target-id"
            name="targetId"
            defaultValue={sent.targetId ?? ""}
            className="input font-mono"
            aria-describedby="audit-target-id-help"
          />
          <p id="audit-target-id-help" className="mt-1 text-xs text-stone-600">
            Or pick “only this” on an entry below.
          </p>
        </div>
        <div>
          <label htmlFor="audit-since" className="label">
            From (UTC)
          </label>
          <input id="audit-since" name="since" type="date" defaultValue={sent.since ?? ""} className="input" />
        </div>
        <div>
          <label htmlFor="audit-until" className="label">
            To (UTC, inclusive)
          </label>
          <input id="audit-until" name="until" type="date" defaultValue={sent.until ?? ""} className="input" />
        </div>
        <div className="flex items-center gap-3 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="btn-primary">
            Filter
          </button>
          {filtered && (
            <Link href={base} className="btn-ghost">
              Clear filters
            </Link>
          )}
        </div>
      </form>

      {problem && (
        <p role="alert" className="mt-6 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          {problem}
        </p>
      )}

      {!problem && page.items.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 px-6 py-12 text-center">
          <AuditIcon className="mx-auto size-8 text-stone-400" />
          <p className="mt-3 font-medium">{filtered ? "No entries match these filters." : "Nothing recorded yet."}</p>
          <p className="mt-1 text-sm text-stone-600">
            {filtered
              ? "Try a wider time range, or clear the filters."
              : "Role changes, invites, API tokens, channel and settings changes show up here."}
          </p>
        </div>
      ) : (
        page.items.length > 0 && (
          <div className="relative mt-6 overflow-x-auto rounded-lg border border-stone-200 bg-white">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit log entries, newest first{filtered ? ", filtered" : ""}</caption>
              <thead className="border-b border-stone-200 bg-stone-50 text-xs tracking-wide text-stone-600 uppercase">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">
                    When
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Who
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    What
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Target
                  </th>
                  <th scope="col" className="px-4 py-2 font-medium">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-200 align-top">
                {page.items.map((e) => (
                  <tr key={e.id} data-testid="audit-row">
                    <td className="px-4 py-3 whitespace-nowrap">
                      <Time date={e.createdAt} />
                      <div className="text-xs text-stone-500">#{e.seq}</div>
                    </td>
                    <td className="px-4 py-3">
                      <Who event={e} names={names} />
                    </td>
                    <td className="px-4 py-3">
                      <code className="rounded bg-stone-100 px-1.5 py-0.5 font-mono text-xs">{e.action}</code>
                    </td>
                    <td className="px-4 py-3">
                      <span className="text-stone-600">{e.target.type}</span>{" "}
                      <span className="font-medium">{targetLabel(e, names)}</span>
                      <div>
                        <Link
                          href={withQuery(base, { targetType: e.target.type, targetId: e.target.id })}
                          className="link text-xs"
                        >
                          only this<span className="sr-only"> {e.target.type}</span>
                        </Link>
                      </div>
                    </td>
                    <td className="px-4 py-3">
                      <Change before={e.before} after={e.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}

      <Pager
        label="Audit log pages"
        nextCursor={page.nextCursor}
        paged={cursorShown}
        href={(c) => withQuery(base, c ? { cursor: c } : undefined)}
      />
    </div>
  );
}

type Names = Map<string, { name: string; handle: string }>;

function Who({ event, names }: { event: AuditEventView; names: Names }) {
  if (event.actor.kind === "system") return <span className="text-stone-600">Tidings (automatic)</span>;
  const person = event.actor.userId ? names.get(event.actor.userId) : undefined;
  return (
    <>
      <span className="font-medium">{person ? person.name : "A former member"}</span>
      {person && <div className="text-xs text-stone-600">@{person.handle}</div>}
      {event.actor.kind === "token" && <div className="text-xs text-stone-600">through an API token</div>}
      {event.clientAddress && <div className="text-xs text-stone-500">from {event.clientAddress}</div>}
    </>
  );
}

/** A name a person recognises: the member's, or the name, email or title the entry recorded; else the id. */
function targetLabel(e: AuditEventView, names: Names): string {
  if (e.target.type === "member") {
    const person = names.get(e.target.id);
    if (person) return person.name;
  }
  for (const snapshot of [e.after, e.before]) {
    for (const key of ["name", "channelName", "email", "title"]) {
      const value = snapshot?.[key];
      if (typeof value === "string" && value) return key === "channelName" ? `in #${value}` : value;
    }
  }
  return e.target.id;
}

const show = (v: unknown) =>
  v === null || v === undefined
    ? "—"
    : v === ""
      ? "(empty)"
      : typeof v === "string"
        ? v
        : Array.isArray(v)
          ? v.join(", ")
          : JSON.stringify(v);

/** before → after, field by field; a field that did not change is shown once. */
function Change({ before, after }: { before: Record<string, unknown> | null; after: Record<string, unknown> | null }) {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  if (keys.length === 0) return <span className="text-stone-500">—</span>;
  return (
    <dl className="space-y-1">
      {keys.map((k) => {
        const from = before ? show(before[k]) : undefined;
        const to = after ? show(after[k]) : undefined;
        return (
          <div key={k} className="flex flex-wrap gap-x-1.5">
            <dt className="text-stone-600">{k}:</dt>
            <dd className="min-w-0 break-words">
              {from !== undefined && to !== undefined && from === to ? (
                from
              ) : (
                <>
                  {from !== undefined && (
                    <del className="text-red-700 decoration-red-300">
                      <span className="sr-only">was </span>
                      {from}
                    </del>
                  )}
                  {from !== undefined && to !== undefined && <span aria-hidden> → </span>}
                  {to !== undefined && (
                    <ins className="text-emerald-800 no-underline">
                      <span className="sr-only">{from !== undefined ? ", now " : "set to "}</span>
                      {to}
                    </ins>
                  )}
                  {to === undefined && <span className="text-xs text-stone-500"> (removed)</span>}
                </>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
