// Edit history of a post or comment, for whoever may read it: every version, oldest first, the current one last.
import { getDb } from "@/lib/data/db/client";
import { listRevisions } from "@/lib/data/revisions";
import type { Actor } from "../actor";
import { getCommentOrThrow } from "../comments/change-comment";
import { getPostWithChannelOrThrow } from "./get-post";

const MAX_VERSIONS = 100;

type Revision = Awaited<ReturnType<typeof listRevisions>>[number];

function versions(revisions: Revision[], current: { title: string | null; body: string }, createdAt: Date) {
  const past = revisions.map((r, i) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    writtenAt: i === 0 ? createdAt : revisions[i - 1]!.replacedAt,
    replacedAt: r.replacedAt,
    editor: r.editor,
  }));
  const last = revisions[revisions.length - 1];
  return [
    ...past,
    {
      id: "current",
      ...current,
      writtenAt: last ? last.replacedAt : createdAt,
      replacedAt: null,
      editor: null,
    },
  ];
}

export async function postHistory(actor: Actor, workspaceId: string, postId: string) {
  const db = await getDb();
  const { post } = await getPostWithChannelOrThrow(actor, workspaceId, postId, db);
  const revisions = await listRevisions(db, postId, null, MAX_VERSIONS);
  return versions(revisions, { title: post.title, body: post.body }, post.createdAt);
}

export async function commentHistory(actor: Actor, workspaceId: string, commentId: string) {
  const db = await getDb();
  const { comment } = await getCommentOrThrow(actor, workspaceId, commentId, db);
  const revisions = await listRevisions(db, comment.post.id, commentId, MAX_VERSIONS);
  return versions(revisions, { title: null, body: comment.body }, comment.createdAt);
}
