import type { Metadata } from "next";
import Link from "next/link";
import { Attachments } from "@/app/_components/attachments";
import { Avatar } from "@/app/_components/avatar";
import { CommentForm, EditCommentForm, EditPostForm } from "@/app/_components/comment-form";
import { ChannelIcon } from "@/app/_components/icons";
import { Markdown } from "@/app/_components/markdown";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { notFound } from "next/navigation";
import { findPost, loadWorkspace } from "@/app/_lib/loaders";
import { notFoundMetadata, orNotFound } from "@/app/_lib/session";
import { getChannelOrThrow } from "@/lib/domain/channels/get-channel";
import { listComments } from "@/lib/domain/comments/list-comments";
import { listPostFiles } from "@/lib/domain/files/attach";
import { env } from "@/lib/env";
import {
  canCommentInChannel,
  canDeleteComment,
  canDeletePost,
  canEditComment,
  canEditPost,
  canPinInChannel,
} from "@/lib/domain/policy";
import { myFollowOf } from "@/lib/domain/inbox/inbox";
import { listReactions } from "@/lib/domain/reactions/reactions";
import { defaultReactions } from "@/lib/validation/reactions";
import { Reactions } from "@/app/_components/reactions";
import { cursor as cursorSchema } from "@/lib/validation/common";
import {
  createCommentAction,
  deleteCommentAction,
  deletePostAction,
  editCommentAction,
  editPostAction,
  pinAction,
  reactAction,
} from "../actions";
import { followAction } from "../../inbox/actions";

type Props = {
  params: Promise<{ workspaceId: string; postId: string }>;
  searchParams: Promise<{ edit?: string; after?: string; editComment?: string }>;
};

async function load(workspaceId: string, postId: string) {
  const { actor } = await loadWorkspace(workspaceId);
  const post = await findPost(workspaceId, postId);
  if (!post) notFound();
  return { actor, post };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { workspaceId, postId } = await params;
  const post = await findPost(workspaceId, postId);
  return post ? { title: post.title } : notFoundMetadata;
}

export default async function PostPage({ params, searchParams }: Props) {
  const { workspaceId, postId } = await params;
  const query = await searchParams;
  const { actor, post } = await load(workspaceId, postId);
  const after = cursorSchema.safeParse(query.after);
  const [channel, comments, files, reactions, follow] = await Promise.all([
    orNotFound(getChannelOrThrow(actor, workspaceId, post.channelId)),
    orNotFound(
      listComments(actor, workspaceId, postId, { limit: 100, cursor: after.success ? after.data : undefined }),
    ),
    orNotFound(listPostFiles(actor, workspaceId, postId)),
    orNotFound(listReactions(actor, workspaceId, postId)),
    myFollowOf(actor, postId),
  ]);
  const reactionsOf = (commentId: string | null) => reactions.filter((r) => r.commentId === commentId);
  const canReact = !channel.archivedAt;
  const pinnable = canPinInChannel(actor, channel);
  const filesOf = (commentId: string | null) => files.filter((f) => f.commentId === commentId);
  const fileLimits = { maxFiles: env.POST_MAX_FILES, maxBytes: env.FILE_MAX_BYTES };
  const facts = { workspaceId, authorId: post.author.id };
  const editable = canEditPost(actor, facts) && !channel.archivedAt;
  const editing = editable && query.edit === "1";
  const self = `/w/${workspaceId}/p/${postId}`;

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/w/${workspaceId}/c/${channel.id}`} className="link inline-flex items-center gap-1">
          <ChannelIcon kind={channel.kind} archived={channel.archivedAt !== null} className="size-3.5" />
          {channel.name}
        </Link>
      </nav>

      <article className="card mt-3 p-5" aria-labelledby="post-title">
        {editing ? (
          <EditPostForm
            action={editPostAction}
            workspaceId={workspaceId}
            postId={postId}
            title={post.title}
            body={post.body}
            cancelHref={self}
          />
        ) : (
          <>
            <header>
              {post.pinnedAt && (
                <p className="mb-1 text-xs font-semibold tracking-wide text-accent-700 uppercase">Pinned</p>
              )}
              <h1 id="post-title" className="text-2xl font-semibold tracking-tight break-words">
                {post.title}
              </h1>
              <div className="mt-2 flex flex-wrap items-center gap-2 text-sm text-stone-600">
                <Avatar name={post.author.name} size="size-7" />
                <span className="font-medium text-stone-800">{post.author.name}</span>
                <span className="text-stone-500">@{post.author.handle}</span>
                <span aria-hidden>·</span>
                <Time date={post.createdAt} />
                {post.editedAt && (
                  <Link href={`${self}/history`} className="link text-stone-600" title="See every version">
                    (edited <Time date={post.editedAt} />)
                  </Link>
                )}
              </div>
            </header>
            <Markdown source={post.body} className="mt-4" />
            <Attachments files={filesOf(null)} />
            <Reactions
              reactions={reactionsOf(null)}
              hidden={{ workspaceId, postId, commentId: "" }}
              defaults={defaultReactions}
              canReact={canReact}
              action={reactAction}
              label="the post"
            />
            <footer className="mt-5 flex flex-wrap items-start justify-end gap-2 border-t border-stone-100 pt-4">
              <p className="mr-auto self-center text-xs text-stone-600" data-testid="follow-state">
                {follow ? "New comments come to your Inbox." : "Follow to get new comments in your Inbox."}
              </p>
              <SimpleAction
                action={followAction}
                hidden={{ workspaceId, postId, following: String(!follow) }}
                label={follow ? "Unfollow" : "Follow"}
                pendingText={follow ? "Unfollowing…" : "Following…"}
              />
              {pinnable && (
                <SimpleAction
                  action={pinAction}
                  hidden={{ workspaceId, postId, pinned: String(!post.pinnedAt) }}
                  label={post.pinnedAt ? "Unpin" : "Pin to channel"}
                  pendingText={post.pinnedAt ? "Unpinning…" : "Pinning…"}
                />
              )}
              {editable && (
                <Link href={`${self}?edit=1`} className="btn-secondary">
                  Edit
                </Link>
              )}
              {canDeletePost(actor, facts) && (
                <SimpleAction
                  action={deletePostAction}
                  hidden={{ workspaceId, postId }}
                  label="Delete"
                  pendingText="Deleting…"
                  className="btn-danger"
                  confirm="Delete this post? Admins can restore it for 30 days."
                />
              )}
            </footer>
          </>
        )}
      </article>

      <section className="mt-8" aria-labelledby="comments-heading">
        <h2 id="comments-heading" className="text-base font-semibold">
          {post.commentCount === 0 ? "Comments" : `${post.commentCount} comment${post.commentCount === 1 ? "" : "s"}`}
        </h2>
        {comments.items.length === 0 ? (
          <p className="mt-3 text-sm text-stone-600">
            {after.success ? "No more comments." : "No comments yet. Be the first to reply."}
          </p>
        ) : (
          <ol className="mt-3 space-y-3">
            {comments.items.map((c) => (
              <li key={c.id} id={`comment-${c.id}`} className="flex scroll-mt-4 gap-3">
                <Avatar name={c.author.name} />
                <div className="min-w-0 flex-1 rounded-lg border border-stone-200 bg-white px-4 py-3">
                  <div className="flex flex-wrap items-center gap-x-2 text-sm">
                    <span className="font-medium">{c.author.name}</span>
                    <Time date={c.createdAt} className="text-stone-600" />
                    {c.editedAt && (
                      <Link href={`${self}/history?comment=${c.id}`} className="link text-stone-600">
                        (edited)
                      </Link>
                    )}
                    <span className="ml-auto flex items-start gap-1">
                      {canEditComment(actor, { workspaceId, authorId: c.author.id }) && !channel.archivedAt && (
                        <Link
                          href={`${self}?editComment=${c.id}#comment-${c.id}`}
                          className="btn-ghost px-2 py-0.5 text-xs"
                        >
                          Edit<span className="sr-only"> your comment</span>
                        </Link>
                      )}
                      {canDeleteComment(actor, { workspaceId, authorId: c.author.id }) && (
                        <SimpleAction
                          action={deleteCommentAction}
                          hidden={{ workspaceId, postId, commentId: c.id }}
                          label="Delete"
                          srLabel={`${c.author.name}'s comment`}
                          pendingText="Deleting…"
                          className="btn-ghost px-2 py-0.5 text-xs text-red-700"
                          confirm="Delete this comment?"
                        />
                      )}
                    </span>
                  </div>
                  {query.editComment === c.id && canEditComment(actor, { workspaceId, authorId: c.author.id }) ? (
                    <div className="mt-2">
                      <EditCommentForm
                        action={editCommentAction}
                        workspaceId={workspaceId}
                        postId={postId}
                        commentId={c.id}
                        body={c.body}
                        cancelHref={`${self}#comment-${c.id}`}
                      />
                    </div>
                  ) : (
                    <Markdown source={c.body} className="mt-1" />
                  )}
                  <Attachments files={filesOf(c.id)} />
                  <Reactions
                    reactions={reactionsOf(c.id)}
                    hidden={{ workspaceId, postId, commentId: c.id }}
                    defaults={defaultReactions}
                    canReact={canReact}
                    action={reactAction}
                    label={`${c.author.name}'s comment`}
                  />
                </div>
              </li>
            ))}
          </ol>
        )}
        {comments.nextCursor && (
          <p className="mt-4 text-center">
            <Link href={`${self}?after=${comments.nextCursor}`} className="btn-secondary">
              Show later comments
            </Link>
          </p>
        )}
        <div className="mt-6">
          {canCommentInChannel(actor, channel) ? (
            <CommentForm action={createCommentAction} workspaceId={workspaceId} postId={postId} files={fileLimits} />
          ) : (
            <p className="text-sm text-stone-600">This channel is archived: comments are closed.</p>
          )}
        </div>
      </section>
    </div>
  );
}
