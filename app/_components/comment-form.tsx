"use client";
import { ActionForm, Field, FormError, SubmitButton } from "./action-form";
import { FileUploader } from "./file-uploader";
import type { ActionState } from "@/lib/http/action";

export function CommentForm({
  action,
  workspaceId,
  postId,
  files,
}: {
  action: (prev: ActionState<{ id: string }>, form: FormData) => Promise<ActionState<{ id: string }>>;
  workspaceId: string;
  postId: string;
  files: { maxFiles: number; maxBytes: number };
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ workspaceId, postId }}
      resetOnSuccess
      className="space-y-2"
      aria-label="Add a comment"
    >
      <Field
        name="body"
        label="Add a comment"
        textarea
        rows={3}
        placeholder="Reply in Markdown… (Ctrl/⌘+Enter to send)"
        required
        className="[&_textarea]:resize-y"
      />
      <FileUploader target={{ workspaceId, postId }} {...files} />
      <FormError />
      <div className="flex justify-end">
        <SubmitButton pendingText="Sending…">Comment</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function EditPostForm({
  action,
  workspaceId,
  postId,
  title,
  body,
  cancelHref,
}: {
  action: (prev: ActionState<never>, form: FormData) => Promise<ActionState<never>>;
  workspaceId: string;
  postId: string;
  title: string;
  body: string;
  cancelHref: string;
}) {
  return (
    <ActionForm action={action} hidden={{ workspaceId, postId }} className="space-y-3" aria-label="Edit post">
      <Field name="title" label="Title" defaultValue={title} maxLength={200} required />
      <Field
        name="body"
        label="Body"
        textarea
        rows={10}
        defaultValue={body}
        required
        className="[&_textarea]:resize-y [&_textarea]:font-mono"
      />
      <FormError />
      <div className="flex justify-end gap-2">
        <a href={cancelHref} className="btn-ghost">
          Cancel
        </a>
        <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function EditCommentForm({
  action,
  workspaceId,
  postId,
  commentId,
  body,
  cancelHref,
}: {
  action: (prev: ActionState<never>, form: FormData) => Promise<ActionState<never>>;
  workspaceId: string;
  postId: string;
  commentId: string;
  body: string;
  cancelHref: string;
}) {
  return (
    <ActionForm
      action={action}
      hidden={{ workspaceId, postId, commentId }}
      className="space-y-3"
      aria-label="Edit comment"
    >
      <Field
        name="body"
        label="Comment"
        textarea
        rows={4}
        defaultValue={body}
        required
        className="[&_textarea]:resize-y"
      />
      <FormError />
      <div className="flex justify-end gap-2">
        <a href={cancelHref} className="btn-ghost">
          Cancel
        </a>
        <SubmitButton pendingText="Saving…">Save comment</SubmitButton>
      </div>
    </ActionForm>
  );
}
