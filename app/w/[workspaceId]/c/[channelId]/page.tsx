import type { Metadata } from "next";
import Link from "next/link";
import { Avatar } from "@/app/_components/avatar";
import { NotifyLevelForm } from "@/app/_components/channel-people";
import { Composer } from "@/app/_components/composer";
import { ChannelIcon, ChatIcon, GearIcon, kindLabel, UsersIcon } from "@/app/_components/icons";
import { Markdown } from "@/app/_components/markdown";
import { NewSinceDivider } from "@/app/_components/new-since-divider";
import { RefreshOnce } from "@/app/_components/refresh-once";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { notFound } from "next/navigation";
import { findChannel, loadWorkspace } from "@/app/_lib/loaders";
import { notFoundMetadata, orNotFound } from "@/app/_lib/session";
import { getMyChannelSettings } from "@/lib/domain/channels/channel-people";
import { canJoinChannel, canManageChannel, canManageChannelMembers, canPostToChannel } from "@/lib/domain/policy";
import { markChannelAsRead } from "@/lib/domain/notifications/channel-settings";
import { listPosts } from "@/lib/domain/posts/list-posts";
import { listPinned } from "@/lib/domain/posts/pin-post";
import { env } from "@/lib/env";
import { cursor as cursorSchema } from "@/lib/validation/common";
import { joinChannelAction, leaveChannelAction, setNotifyLevelAction } from "../../channels/actions";
import { createPostAction } from "../../p/actions";

type Props = {
  params: Promise<{ workspaceId: string; channelId: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
};

const PAGE_SIZE = 20;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspaceId, channelId } = await params;
  const channel = await findChannel(workspaceId, channelId);
  return channel ? { title: `#${channel.name}` } : notFoundMetadata;
}

export default async function ChannelPage({ params, searchParams }: Props) {
  const { workspaceId, channelId } = await params;
  const rawCursor = (await searchParams).cursor;
  const cursor = cursorSchema.safeParse(rawCursor);
  const { actor } = await loadWorkspace(workspaceId);
  const channel = await findChannel(workspaceId, channelId);
  if (!channel) notFound();
  const page = await orNotFound(
    listPosts(actor, workspaceId, channelId, { limit: PAGE_SIZE, cursor: cursor.success ? cursor.data : undefined }),
  );
  const mine = channel.isMember ? await getMyChannelSettings(actor, workspaceId, channelId) : null;
  const olderPage = cursor.success;
  const pinned = olderPage ? [] : await listPinned(actor, workspaceId, channelId);
  // Seeing the newest posts is reading them: the digest, Catch up and the sidebar's count then leave them out.
  const reads = channel.isMember && !olderPage;
  if (reads) await markChannelAsRead(actor, workspaceId, channelId);
  const lastRead = mine?.lastReadAt ?? null;
  const isNew = (p: { createdAt: Date; author: { id: string } }) =>
    p.author.id !== actor.userId && (lastRead === null || p.createdAt > lastRead);
  // The sidebar was rendered with this channel unread: render it again once this page has shown.
  const sidebarStale = reads && page.items.some(isNew);
  // The divider goes above the first post the reader had seen, when something new by others lies above it.
  const seenAt = reads && lastRead ? page.items.findIndex((p) => p.createdAt <= lastRead) : -1;
  const seenFrom = seenAt > 0 && page.items.slice(0, seenAt).some(isNew) ? seenAt : -1;
  const base = `/w/${workspaceId}/c/${channelId}`;
  const ids = { workspaceId, channelId };

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      {sidebarStale && <RefreshOnce />}
      <header className="flex flex-wrap items-start gap-3 border-b border-stone-200 pb-4">
        <div className="min-w-0 flex-1 basis-64">
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            <ChannelIcon kind={channel.kind} archived={channel.archivedAt !== null} className="size-5 text-stone-600" />
            <span className="truncate">{channel.name}</span>
            <span className="sr-only">({kindLabel[channel.kind]})</span>
          </h1>
          <p className="mt-1 text-sm text-stone-600">
            {channel.description || <span className="text-stone-600">No description</span>}
            <span className="text-stone-600"> · {kindLabel[channel.kind].toLowerCase()}</span>
          </p>
        </div>
        <div className="flex flex-wrap items-start gap-2">
          {mine && !channel.archivedAt && (
            <NotifyLevelForm
              action={setNotifyLevelAction}
              workspaceId={workspaceId}
              channelId={channelId}
              level={mine.notifyLevel}
            />
          )}
          {!channel.isMember && canJoinChannel(actor, channel) && (
            <SimpleAction
              action={joinChannelAction}
              hidden={ids}
              label="Join channel"
              pendingText="Joining…"
              className="btn-primary"
            />
          )}
          {channel.isMember && channel.kind !== "PRIVATE" && !channel.archivedAt && (
            <SimpleAction
              action={leaveChannelAction}
              hidden={ids}
              label="Leave"
              pendingText="Leaving…"
              className="btn-ghost"
              srLabel={`#${channel.name}`}
            />
          )}
          {canManageChannel(actor, channel) ? (
            <Link href={`${base}/settings`} className="btn-secondary" aria-label="Channel settings">
              <GearIcon /> <span className="hidden sm:inline">Settings</span>
            </Link>
          ) : (
            canManageChannelMembers(actor, channel) && (
              <Link href={`${base}/settings`} className="btn-secondary" aria-label={`People in #${channel.name}`}>
                <UsersIcon /> <span className="hidden sm:inline">People</span>
              </Link>
            )
          )}
        </div>
      </header>

      {channel.archivedAt && (
        <div
          role="status"
          className="mt-4 rounded-md border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          This channel was archived <Time date={channel.archivedAt} />. You can read it, but nobody can post or comment.
          {canManageChannel(actor, channel) && (
            <>
              {" "}
              <Link href={`${base}/settings`} className="link">
                Unarchive it
              </Link>{" "}
              to reopen it.
            </>
          )}
        </div>
      )}

      {!olderPage && (
        <section className="mt-6" aria-label="Write a post">
          {canPostToChannel(actor, channel) ? (
            <Composer
              action={createPostAction}
              workspaceId={workspaceId}
              channelId={channelId}
              channelName={channel.name}
              files={{ maxFiles: env.POST_MAX_FILES, maxBytes: env.FILE_MAX_BYTES }}
            />
          ) : (
            !channel.archivedAt && (
              <p className="rounded-md border border-stone-200 bg-white px-4 py-3 text-sm text-stone-600">
                {channel.kind === "ANNOUNCEMENT"
                  ? "Only admins post in announcement channels; everyone can comment."
                  : "You cannot post in this channel."}
              </p>
            )
          )}
        </section>
      )}

      {pinned.length > 0 && (
        <section
          className="mt-6 rounded-lg border border-accent-200 bg-accent-50/60 p-4"
          aria-labelledby="pinned-heading"
        >
          <h2 id="pinned-heading" className="text-sm font-semibold text-accent-800">
            Pinned ({pinned.length})
          </h2>
          <ul className="mt-2 space-y-1.5">
            {pinned.map((p) => (
              <li key={p.id} className="text-sm">
                <Link href={`/w/${workspaceId}/p/${p.id}`} className="link font-medium">
                  {p.title}
                </Link>
                <span className="text-stone-600">
                  {" "}
                  · {p.author.name} · <Time date={p.createdAt} />
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="mt-8" aria-labelledby="posts-heading">
        <h2 id="posts-heading" className="sr-only">
          Posts
        </h2>
        {olderPage && (
          <p className="mb-4 text-sm">
            <Link href={base} className="link">
              ← Back to the newest posts
            </Link>
          </p>
        )}
        {page.items.length === 0 ? (
          <div className="rounded-lg border border-dashed border-stone-300 px-6 py-12 text-center">
            <ChatIcon className="mx-auto size-8 text-stone-400" />
            <p className="mt-3 font-medium">{olderPage ? "No older posts." : "No posts yet."}</p>
            {!olderPage && canPostToChannel(actor, channel) && (
              <p className="mt-1 text-sm text-stone-600">Start the conversation: write the first post above.</p>
            )}
          </div>
        ) : (
          <ol className="space-y-4">
            {page.items.map((post, i) => (
              <li key={post.id}>
                <NewSinceDivider show={i === seenFrom} />
                <article className="card p-4" aria-labelledby={`post-${post.id}`}>
                  <header className="flex items-center gap-2 text-sm text-stone-600">
                    <Avatar name={post.author.name} size="size-7" />
                    <span className="font-medium text-stone-800">{post.author.name}</span>
                    <span aria-hidden>·</span>
                    <Time date={post.createdAt} />
                    {post.editedAt && <span className="text-stone-600">(edited)</span>}
                  </header>
                  <h3 id={`post-${post.id}`} className="mt-2 text-lg font-semibold">
                    <Link href={`/w/${workspaceId}/p/${post.id}`} className="hover:text-accent-700 hover:underline">
                      {post.title}
                    </Link>
                  </h3>
                  <div
                    className={
                      post.body.length > 500 || post.body.split("\n").length > 8
                        ? "relative max-h-44 overflow-hidden [mask-image:linear-gradient(to_bottom,black_60%,transparent)]"
                        : ""
                    }
                  >
                    <Markdown source={post.body} className="mt-1" />
                  </div>
                  <footer className="mt-3 text-sm">
                    <Link href={`/w/${workspaceId}/p/${post.id}`} className="link inline-flex items-center gap-1">
                      <ChatIcon className="size-4" />
                      {post.commentCount === 0
                        ? "Comment"
                        : `${post.commentCount} comment${post.commentCount === 1 ? "" : "s"}`}
                    </Link>
                  </footer>
                </article>
              </li>
            ))}
          </ol>
        )}
        {page.nextCursor && (
          <div className="mt-6 text-center">
            <Link href={`${base}?cursor=${page.nextCursor}`} className="btn-secondary">
              Load older posts
            </Link>
          </div>
        )}
      </section>
    </div>
  );
}
