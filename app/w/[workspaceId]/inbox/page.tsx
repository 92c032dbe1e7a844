import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/app/_components/pager";
import { Avatar } from "@/app/_components/avatar";
import { ChannelIcon, InboxIcon } from "@/app/_components/icons";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { loadWorkspace } from "@/app/_lib/loaders";
import { orNotFound } from "@/app/_lib/session";
import { listInboxPage, type InboxItem } from "@/lib/domain/inbox/inbox";
import { cursor as cursorSchema } from "@/lib/validation/common";
import { markInboxDoneAction } from "./actions";

export const metadata: Metadata = { title: "Inbox" };

type Props = { params: Promise<{ workspaceId: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

const PAGE_SIZE = 25;

/** What brought the post here, in a few words. */
function what(item: InboxItem): string {
  const n = item.newComments;
  if (n > 0 && item.lastComment)
    return n === 1
      ? `${item.lastComment.author.name} commented`
      : `${n} new comments, the latest by ${item.lastComment.author.name}`;
  return item.reason === "MENTIONED" ? `${item.post.author.name} mentioned you` : "New activity";
}

const why: Record<InboxItem["reason"], string> = {
  AUTHOR: "you wrote it",
  COMMENTED: "you commented",
  MENTIONED: "you were mentioned",
  MANUAL: "you follow it",
};

export default async function InboxPage({ params, searchParams }: Props) {
  const { workspaceId } = await params;
  const cursor = cursorSchema.safeParse((await searchParams).cursor);
  const { actor } = await loadWorkspace(workspaceId);
  const page = await orNotFound(
    listInboxPage(actor, workspaceId, { limit: PAGE_SIZE, cursor: cursor.success ? cursor.data : undefined }),
  );
  const base = `/w/${workspaceId}/inbox`;

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <header>
        <h1 className="text-xl font-semibold">Inbox</h1>
        <p className="mt-1 text-sm text-stone-600">
          Posts you wrote, commented on, were mentioned in or follow, when someone else adds to them. Mark one done and
          it stays away until something new happens.
        </p>
      </header>

      {page.items.length === 0 ? (
        <div className="mt-8 rounded-lg border border-dashed border-stone-300 px-6 py-12 text-center">
          <InboxIcon className="mx-auto size-8 text-stone-400" />
          <p className="mt-3 font-medium">{cursor.success ? "Nothing older." : "Your inbox is empty."}</p>
          <p className="mt-1 text-sm text-stone-600">
            When someone comments on a post you follow, or mentions you, it shows up here.
          </p>
        </div>
      ) : (
        <ul className="mt-6 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" aria-label="Inbox">
          {page.items.map((item) => (
            <li key={item.post.id} className="flex items-start gap-3 px-4 py-3">
              <Avatar name={item.lastComment?.author.name ?? item.post.author.name} size="size-8" />
              <div className="min-w-0 flex-1 text-sm">
                <p>
                  <Link
                    href={`/w/${workspaceId}/p/${item.post.id}${item.lastComment ? `#comment-${item.lastComment.id}` : ""}`}
                    className="link font-medium"
                  >
                    {item.post.title}
                  </Link>
                </p>
                <p className="mt-0.5 text-stone-700">{what(item)}</p>
                <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 text-xs text-stone-600">
                  <ChannelIcon kind={item.channel.kind} archived={item.channel.archived} className="size-3.5" />
                  <span>{item.channel.name}</span>
                  <span aria-hidden>·</span>
                  <Time date={item.activityAt} />
                  <span aria-hidden>·</span>
                  <span>{why[item.reason]}</span>
                </p>
              </div>
              <SimpleAction
                action={markInboxDoneAction}
                hidden={{ workspaceId, postId: item.post.id }}
                label="Done"
                pendingText="…"
                className="btn-secondary px-2.5 py-1 text-xs"
                srLabel={`with ${item.post.title}`}
              />
            </li>
          ))}
        </ul>
      )}
      <Pager
        label="Inbox pages"
        nextCursor={page.nextCursor}
        paged={cursor.success}
        href={(c) => (c ? `${base}?cursor=${c}` : base)}
      />
    </div>
  );
}
