import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/app/_components/pager";
import { Avatar } from "@/app/_components/avatar";
import { BellIcon } from "@/app/_components/icons";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { loadWorkspace } from "@/app/_lib/loaders";
import { orNotFound } from "@/app/_lib/session";
import { notificationFeed } from "@/lib/domain/notifications/notification-feed";
import { cursor as cursorSchema } from "@/lib/validation/common";
import { markNotificationsReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

type Props = { params: Promise<{ workspaceId: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

export default async function NotificationsPage({ params, searchParams }: Props) {
  const { workspaceId } = await params;
  const cursor = cursorSchema.safeParse((await searchParams).cursor);
  const { actor } = await loadWorkspace(workspaceId);
  const feed = await orNotFound(
    notificationFeed(actor, { limit: 30, cursor: cursor.success ? cursor.data : undefined }),
  );
  const base = `/w/${workspaceId}/notifications`;

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <header className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1 basis-64">
          <h1 className="text-xl font-semibold">Notifications</h1>
          <p className="mt-1 text-sm text-stone-600">
            {feed.unread === 0 ? "You are all caught up." : `${feed.unread} unread.`} Mentions of you, and new posts in
            channels you set to “Everything”, in all your workspaces.
          </p>
        </div>
        {feed.unread > 0 && (
          <SimpleAction
            action={markNotificationsReadAction}
            hidden={{ workspaceId }}
            label="Mark all as read"
            pendingText="Marking…"
          />
        )}
      </header>

      {feed.items.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 px-6 py-12 text-center">
          <BellIcon className="mx-auto size-8 text-stone-400" />
          <p className="mt-3 font-medium">No notifications yet.</p>
          <p className="mt-1 text-sm text-stone-600">
            When someone mentions you with @your-handle, or posts in a channel you set to “Everything”, it shows up
            here.
          </p>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
          {feed.items.map((n) => (
            <li key={n.id} className={`flex items-start gap-3 px-4 py-3 ${n.read ? "" : "bg-accent-50/60"}`}>
              <Avatar name={n.actor?.name ?? "?"} size="size-8" />
              <div className="min-w-0 flex-1 text-sm">
                <p>
                  {!n.read && (
                    <span className="mr-1.5 inline-block size-2 rounded-full bg-accent-600 align-middle" aria-hidden />
                  )}
                  {!n.read && <span className="sr-only">Unread: </span>}
                  <span className="font-medium">{n.actor?.name ?? "Someone"}</span>{" "}
                  {n.kind === "post" ? "posted" : `mentioned you ${n.inComment ? "in a comment on" : "in"}`}{" "}
                  {n.post ? (
                    <Link href={`/w/${n.workspaceId}/p/${n.post.id}`} className="link font-medium">
                      {n.post.title}
                    </Link>
                  ) : (
                    <span className="text-stone-600">a post that was deleted</span>
                  )}
                  {n.kind === "post" && n.post && ` in #${n.post.channelName}`}
                </p>
                <Time date={n.createdAt} className="text-xs text-stone-600" />
              </div>
              {!n.read && (
                <SimpleAction
                  action={markNotificationsReadAction}
                  hidden={{ workspaceId, notificationId: n.id }}
                  label="Mark read"
                  pendingText="…"
                  className="btn-ghost px-2 py-1 text-xs"
                  srLabel={n.post ? `: ${n.post.title}` : undefined}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager
        label="Notification pages"
        nextCursor={feed.nextCursor}
        paged={cursor.success}
        href={(c) => (c ? `${base}?cursor=${c}` : base)}
      />
    </div>
  );
}
