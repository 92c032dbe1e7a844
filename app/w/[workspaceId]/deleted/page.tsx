import type { Metadata } from "next";
import Link from "next/link";
import { ChannelIcon, TrashIcon } from "@/app/_components/icons";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { loadWorkspace } from "@/app/_lib/loaders";
import { orNotFound } from "@/app/_lib/session";
import { listRecentlyDeleted } from "@/lib/domain/posts/restore-post";
import { cursor as cursorSchema } from "@/lib/validation/common";
import { restorePostAction } from "../p/actions";

export const metadata: Metadata = { title: "Recently deleted" };

type Props = { params: Promise<{ workspaceId: string }>; searchParams: Promise<{ cursor?: string }> };

/** Admins: posts deleted in the last 30 days, each restorable until the daily cleanup removes it for good. */
export default async function RecentlyDeletedPage({ params, searchParams }: Props) {
  const { workspaceId } = await params;
  const cursor = cursorSchema.safeParse((await searchParams).cursor);
  const { actor } = await loadWorkspace(workspaceId);
  const page = await orNotFound(
    listRecentlyDeleted(actor, workspaceId, { limit: 25, ...(cursor.success ? { cursor: cursor.data } : {}) }),
  );

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold">Recently deleted</h1>
      <p className="mt-1 text-sm text-stone-600">
        Posts deleted in the last 30 days. Restoring one puts it back in its channel with its comments; after 30 days it
        is removed for good.
      </p>
      {page.items.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 px-6 py-12 text-center">
          <TrashIcon className="mx-auto size-8 text-stone-400" />
          <p className="mt-3 font-medium">
            {cursor.success ? "No older deleted posts." : "Nothing was deleted lately."}
          </p>
        </div>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Deleted posts">
          {page.items.map((p) => (
            <li key={p.id} className="card flex flex-wrap items-start justify-between gap-3 p-4">
              <div className="min-w-0">
                <p className="font-medium break-words">{p.title}</p>
                <p className="mt-1 text-sm text-stone-600">
                  <span className="inline-flex items-center gap-1">
                    <ChannelIcon kind={p.channel.kind} className="size-3.5" />
                    {p.channel.name}
                  </span>{" "}
                  · by {p.author.name} · deleted <Time date={p.deletedAt} />
                  {p.deletedBy && <> by {p.deletedBy.name}</>} · restorable until <Time date={p.restorableUntil} />
                </p>
              </div>
              <SimpleAction
                action={restorePostAction}
                hidden={{ workspaceId, postId: p.id }}
                label="Restore"
                srLabel={p.title}
                pendingText="Restoring…"
              />
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <p className="mt-4">
          <Link href={`?cursor=${page.nextCursor}`} className="btn-secondary">
            Older
          </Link>
        </p>
      )}
    </div>
  );
}
