"use client";
import { ActionForm, Field, FormError, SubmitButton } from "./action-form";
import { FileUploader } from "./file-uploader";
import type { ActionState } from "@/lib/http/action";

type Props = {
  action: (
    prev: ActionState<{ id: string; title: string }>,
    form: FormData,
  ) => Promise<ActionState<{ id: string; title: string }>>;
  workspaceId: string;
  channelId: string;
  channelName: string;
  /** The server's file limits (lib/env), shown and checked early in the browser. */
  files: { maxFiles: number; maxBytes: number };
};

/** Title + Markdown body; Ctrl/Cmd+Enter sends; cleared after a successful post. */
export function Composer({ action, workspaceId, channelId, channelName, files }: Props) {
  return (
    <ActionForm
      action={action}
      hidden={{ workspaceId, channelId }}
      resetOnSuccess
      className="card space-y-3 p-4"
      aria-label={`New post in #${channelName}`}
    >
      <Field name="title" label="Title" placeholder="What is it about?" maxLength={200} autoComplete="off" required />
      <Field
        name="body"
        label="Body"
        textarea
        rows={4}
        placeholder="Write in Markdown: **bold**, _italic_, `code`, lists, links…"
        required
        className="[&_textarea]:min-h-24 [&_textarea]:resize-y"
      />
      <FileUploader target={{ workspaceId, channelId }} {...files} />
      <FormError />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="hidden text-xs text-stone-600 sm:block">
          Markdown supported · <kbd className="rounded border border-stone-300 px-1 font-sans">Ctrl</kbd>/
          <kbd className="rounded border border-stone-300 px-1 font-sans">⌘</kbd>+
          <kbd className="rounded border border-stone-300 px-1 font-sans">Enter</kbd> to post
        </p>
        <SubmitButton pendingText="Posting…" className="btn-primary ml-auto">
          Post
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
