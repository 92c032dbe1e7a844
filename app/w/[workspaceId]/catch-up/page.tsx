import type { Metadata } from "next";
import Link from "next/link";
import { ChannelIcon, InboxIcon } from "@/app/_components/icons";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { loadChannels, loadWorkspace } from "@/app/_lib/loaders";
import { catchUp } from "@/lib/domain/digest/catch-up";
import { markCaughtUpAction } from "../notifications/actions";

export const metadata: Metadata = { title: "Catch up" };

/** The same unread-posts query as the daily digest email, shown for this workspace. */
export default async function CatchUpPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspace(workspaceId);
  const [unread, all] = await Promise.all([catchUp(actor, workspaceId), loadChannels(workspaceId)]);
  const kind = new Map(all.map((c) => [c.id, c.kind]));
  const { channels, total } = unread;

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <h1 className="text-xl font-semibold">Catch up</h1>
          <p className="mt-1 text-sm text-stone-600">
            {total === 0
              ? `Nothing new in ${workspace.name}.`
              : `${total} new post${total === 1 ? "" : "s"} in channels you follow.`}{" "}
            Your daily digest email lists the same.
          </p>
        </div>
        {channels.length > 0 && (
          <SimpleAction
            action={markCaughtUpAction}
            hidden={{ workspaceId, channelIds: channels.map((c) => c.channelId).join(",") }}
            label="Mark all caught up"
            pendingText="Marking…"
            className="btn-primary"
          />
        )}
      </header>

      {channels.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 px-6 py-12 text-center">
          <InboxIcon className="mx-auto size-8 text-stone-400" />
          <p className="mt-3 font-medium">You are all caught up.</p>
          <p className="mt-1 text-sm text-stone-600">
            New posts by others in the channels you follow will be listed here.
          </p>
        </div>
      ) : (
        <div className="mt-6 space-y-6">
          {channels.map((c) => (
            <section key={c.channelId} className="card p-4" aria-labelledby={`cu-${c.channelId}`}>
              <div className="flex flex-wrap items-center gap-2">
                <h2 id={`cu-${c.channelId}`} className="flex min-w-0 flex-1 items-center gap-1.5 font-semibold">
                  <ChannelIcon kind={kind.get(c.channelId) ?? "PUBLIC"} className="size-4 text-stone-600" />
                  <Link href={`/w/${workspaceId}/c/${c.channelId}`} className="truncate hover:underline">
                    {c.name}
                  </Link>
                  <span className="text-sm font-normal text-stone-600">· {c.posts.length} new</span>
                </h2>
                <SimpleAction
                  action={markCaughtUpAction}
                  hidden={{ workspaceId, channelIds: c.channelId }}
                  label="Mark read"
                  pendingText="Marking…"
                  className="btn-ghost px-2 py-1 text-sm"
                  srLabel={c.name}
                />
              </div>
              <ul className="mt-3 space-y-2">
                {c.posts.map((p) => (
                  <li key={p.id} className="text-sm">
                    <Link href={`/w/${workspaceId}/p/${p.id}`} className="link font-medium">
                      {p.title}
                    </Link>
                    <span className="text-stone-600">
                      {" "}
                      — {p.author.name}, <Time date={p.createdAt} />
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
