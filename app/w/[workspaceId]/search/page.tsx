import type { Metadata } from "next";
import Link from "next/link";
import { ChannelIcon, SearchIcon } from "@/app/_components/icons";
import { Time } from "@/app/_components/time";
import { loadWorkspace } from "@/app/_lib/loaders";
import { search, type SearchHitView } from "@/lib/domain/search/search";
import { searchQuery } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Search" };

type Props = {
  params: Promise<{ workspaceId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Search results: a GET form (shareable, back-button friendly) over the same domain function as the API. */
export default async function SearchPage({ params, searchParams }: Props) {
  const { workspaceId } = await params;
  const raw = await searchParams;
  const { actor, workspace } = await loadWorkspace(workspaceId);
  const q = one(raw.q) ?? "";
  const archived = one(raw.archived) === "include" ? "include" : "exclude";
  const cursor = one(raw.cursor);
  const parsed = q.trim() ? searchQuery.safeParse({ q, archived, ...(cursor ? { cursor } : {}) }) : null;
  const problem = parsed && !parsed.success ? parsed.error.issues.map((i) => i.message).join("; ") : null;
  const results = parsed?.success ? await search(actor, workspaceId, parsed.data) : null;
  const more = results?.nextCursor
    ? `?${new URLSearchParams({ q, ...(archived === "include" ? { archived } : {}), cursor: results.nextCursor })}`
    : null;

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold">Search {workspace.name}</h1>
      <form role="search" aria-label="Search posts and comments" className="mt-4 space-y-3">
        <div className="flex gap-2">
          <label htmlFor="search-page-q" className="sr-only">
            Search
          </label>
          <input
            id="search-page-q"
            name="q"
            type="search"
            className="input flex-1"
            defaultValue={q}
            maxLength={300}
            placeholder='Words, "a phrase", -not, in:#channel, from:@handle'
            aria-describedby="search-help"
            aria-invalid={problem ? true : undefined}
            aria-errormessage={problem ? "search-problem" : undefined}
          />
          <button type="submit" className="btn-primary">
            Search
          </button>
        </div>
        <label className="flex items-center gap-2 text-sm text-stone-700">
          <input type="checkbox" name="archived" value="include" defaultChecked={archived === "include"} />
          Include archived channels
        </label>
        <p id="search-help" className="text-sm text-stone-600">
          Use <code>&quot;exact phrases&quot;</code>, <code>-word</code> to leave out, <code>in:#channel</code>,{" "}
          <code>from:@handle</code>, <code>before:2026-12-01</code>, <code>after:2026-11-01</code> and{" "}
          <code>has:file</code>. Press <kbd className="rounded border border-stone-300 px-1">/</kbd> anywhere to search.
        </p>
      </form>

      <div role="alert" aria-live="polite">
        {problem && (
          <p
            id="search-problem"
            className="mt-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800"
          >
            {problem}
          </p>
        )}
      </div>

      {results && (
        <section aria-labelledby="results-heading" className="mt-6">
          <h2 id="results-heading" className="sr-only">
            Results
          </h2>
          {results.items.length === 0 ? (
            <div className="rounded-lg border border-dashed border-stone-300 px-6 py-12 text-center">
              <SearchIcon className="mx-auto size-8 text-stone-400" />
              <p className="mt-3 font-medium">Nothing matches “{q}”.</p>
              <p className="mt-1 text-sm text-stone-600">
                Try fewer words, another spelling{archived === "include" ? "" : ", or include archived channels"}.
              </p>
            </div>
          ) : (
            <ol className="space-y-3" aria-label={`Results for ${q}`}>
              {results.items.map((hit) => (
                <Result key={hit.commentId ?? hit.post.id} hit={hit} workspaceId={workspaceId} />
              ))}
            </ol>
          )}
          {more && (
            <p className="mt-4">
              <Link href={more} className="btn-secondary">
                More results
              </Link>
            </p>
          )}
        </section>
      )}
    </div>
  );
}

function Result({ hit, workspaceId }: { hit: SearchHitView; workspaceId: string }) {
  const href = `/w/${workspaceId}/p/${hit.post.id}${hit.commentId ? `#comment-${hit.commentId}` : ""}`;
  return (
    <li className="card p-4">
      <p className="flex flex-wrap items-center gap-x-2 text-sm text-stone-600">
        <span className="inline-flex items-center gap-1">
          <ChannelIcon kind={hit.channel.kind} className="size-3.5" />
          {hit.channel.name}
          {hit.channel.archived && " (archived)"}
        </span>
        <span aria-hidden>·</span>
        <span>
          {hit.commentId ? "comment by " : ""}
          {hit.author.name} <Time date={hit.createdAt} />
        </span>
      </p>
      <h3 className="mt-1 font-medium">
        <Link href={href} className="link">
          {hit.commentId ? `Re: ${hit.post.title}` : hit.post.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm break-words text-stone-700">
        {hit.snippet.map((piece, i) =>
          piece.match ? (
            <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-stone-900">
              {piece.text}
            </mark>
          ) : (
            <span key={i}>{piece.text}</span>
          ),
        )}
      </p>
    </li>
  );
}
