import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/app/_components/markdown";
import { Time } from "@/app/_components/time";
import { loadWorkspace } from "@/app/_lib/loaders";
import { orNotFound } from "@/app/_lib/session";
import { commentHistory, postHistory } from "@/lib/domain/posts/history";
import { id } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Edit history" };

type Props = {
  params: Promise<{ workspaceId: string; postId: string }>;
  searchParams: Promise<{ comment?: string }>;
};

/** Every version of a post (or, with ?comment=, of one of its comments), newest first, for whoever may read it. */
export default async function HistoryPage({ params, searchParams }: Props) {
  const { workspaceId, postId } = await params;
  const commentId = id.safeParse((await searchParams).comment);
  const { actor } = await loadWorkspace(workspaceId);
  const versions = await orNotFound(
    commentId.success ? commentHistory(actor, workspaceId, commentId.data) : postHistory(actor, workspaceId, postId),
  );
  const back = `/w/${workspaceId}/p/${postId}${commentId.success ? `#comment-${commentId.data}` : ""}`;
  const what = commentId.success ? "comment" : "post";

  return (
    <div className="mx-auto max-w-3xl px-4 py-6 md:px-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={back} className="link">
          ← Back to the {what}
        </Link>
      </nav>
      <h1 className="mt-3 text-xl font-semibold">Edit history of this {what}</h1>
      <p className="mt-1 text-sm text-stone-600">
        {versions.length === 1 ? "It has not been edited." : `${versions.length} versions, the current one first.`}
      </p>
      <ol className="mt-6 space-y-4">
        {[...versions].reverse().map((v, i) => (
          <li key={v.id} className="card p-4">
            <h2 className="text-sm font-semibold">
              {i === 0 ? "Current version" : `Version ${versions.length - i}`}
              <span className="font-normal text-stone-600">
                {" "}
                · written <Time date={v.writtenAt} />
                {v.replacedAt && v.editor && (
                  <>
                    {" "}
                    · replaced <Time date={v.replacedAt} /> by {v.editor.name}
                  </>
                )}
              </span>
            </h2>
            {v.title !== null && <p className="mt-2 font-medium break-words">{v.title}</p>}
            <Markdown source={v.body} className="mt-2" />
          </li>
        ))}
      </ol>
    </div>
  );
}
