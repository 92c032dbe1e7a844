"use client";
// Files for a post or a comment: pick, drop or paste them; each uploads at once through the real UploadThing client
// (to UploadThing, or to the app's own ingest in the embedded mode) with its own progress bar and Cancel; uploaded
// ones can be removed before posting and go with the form as `fileIds`. The server checks everything again.
import { useEffect, useId, useRef, useState } from "react";
import type { genUploader } from "uploadthing/client";
import type { UploadRouter } from "@/lib/http/upload-router";
import { formatSize } from "./format-size";

type UploadFiles = ReturnType<typeof genUploader<UploadRouter>>["uploadFiles"];
let uploader: Promise<UploadFiles> | undefined;
/**
 * The UploadThing client (~16 kB gzip) loads with the first file someone adds, not with every page that shows a
 * composer: the channel and post pages stay within the client JS budget (bench/client-js.mjs).
 */
const loadUploader = (): Promise<UploadFiles> =>
  (uploader ??= import("uploadthing/client").then(
    ({ genUploader: make }) =>
      make<UploadRouter>({ url: "/api/uploadthing", package: "@uploadthing/react" }).uploadFiles,
    (error: unknown) => {
      uploader = undefined; // offline for a moment: the next file tries again
      throw error;
    },
  ));

export type UploadTargetProps = { workspaceId: string; channelId: string } | { workspaceId: string; postId: string };

type Item = {
  id: string;
  name: string;
  size: number;
  progress: number;
  state: "uploading" | "done" | "failed";
  fileId?: string;
  error?: string;
  abort?: AbortController;
};

const ACCEPT =
  "image/png,image/jpeg,image/gif,image/webp,image/avif,image/heic,image/heif,.heic,.heif,application/pdf,text/plain,.txt,.md";

export function FileUploader({
  target,
  maxFiles,
  maxBytes,
}: {
  target: UploadTargetProps;
  maxFiles: number;
  maxBytes: number;
}) {
  const [items, setItems] = useState<Item[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const update = (id: string, patch: Partial<Item>) =>
    setItems((all) => all.map((i) => (i.id === id ? { ...i, ...patch } : i)));

  // The form clears itself after a successful post: start over with it.
  useEffect(() => {
    const form = root.current?.closest("form");
    if (!form) return;
    const clear = () => {
      setItems([]);
      setNotice(null);
    };
    form.addEventListener("reset", clear);
    // Paste a screenshot or a copied file anywhere in the form.
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length) {
        e.preventDefault();
        add(files);
      }
    };
    form.addEventListener("paste", onPaste);
    return () => {
      form.removeEventListener("reset", clear);
      form.removeEventListener("paste", onPaste);
    };
  });

  function add(files: File[]) {
    setNotice(null);
    const live = items.filter((i) => i.state !== "failed").length;
    const room = Math.max(0, maxFiles - live);
    if (files.length > room) setNotice(`At most ${maxFiles} files per post or comment.`);
    for (const file of files.slice(0, room)) {
      const id = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const base = { id, name: file.name, size: file.size, progress: 0 };
      if (file.size > maxBytes) {
        setItems((all) => [
          ...all,
          { ...base, state: "failed", error: `Too large: files can be at most ${formatSize(maxBytes)}.` },
        ]);
        continue;
      }
      const abort = new AbortController();
      setItems((all) => [...all, { ...base, state: "uploading", abort }]);
      loadUploader()
        .then((uploadFiles) =>
          uploadFiles("attachments", {
            files: [file],
            input: target,
            signal: abort.signal,
            onUploadProgress: ({ progress }) => update(id, { progress: Math.round(progress) }),
          }),
        )
        .then(([done]) => {
          if (!done?.serverData) throw new Error("The upload was not recorded");
          update(id, { state: "done", progress: 100, fileId: done.serverData.fileId, abort: undefined });
        })
        .catch((error: unknown) => {
          if (abort.signal.aborted) {
            // Cancelled (UploadThing then rejects with its UploadAbortedError): the item just goes.
            setItems((all) => all.filter((i) => i.id !== id));
            return;
          }
          const message = error instanceof Error && error.message ? error.message : "The upload failed";
          update(id, { state: "failed", error: message, abort: undefined });
        });
    }
  }

  const uploading = items.some((i) => i.state === "uploading");
  return (
    <div ref={root} className="space-y-2">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          add([...e.dataTransfer.files]);
        }}
        className={`flex flex-wrap items-center gap-2 rounded-md border border-dashed px-3 py-2 text-sm ${
          dragging ? "border-indigo-500 bg-indigo-50" : "border-stone-300"
        }`}
      >
        <button
          type="button"
          className="btn-secondary"
          onClick={() => input.current?.click()}
          aria-describedby={hintId}
        >
          Attach files
        </button>
        <span id={hintId} className="text-xs text-stone-600">
          or drop or paste them here · images, PDF, text · up to {maxFiles} files, {formatSize(maxBytes)} each
        </span>
        <input
          ref={input}
          type="file"
          multiple
          accept={ACCEPT}
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            add([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
      </div>
      {notice && (
        <p role="alert" className="text-sm text-red-700">
          {notice}
        </p>
      )}
      {items.length > 0 && (
        <ul aria-label="Files to attach" className="space-y-1">
          {items.map((item) => (
            <li
              key={item.id}
              className="flex flex-wrap items-center gap-2 rounded border border-stone-200 px-2 py-1 text-sm"
            >
              <span className="min-w-0 flex-1 truncate font-medium" title={item.name}>
                {item.name}
              </span>
              <span className="text-xs text-stone-600">{formatSize(item.size)}</span>
              {item.state === "uploading" && (
                <>
                  <progress
                    className="h-2 w-24 sm:w-32"
                    max={100}
                    value={item.progress}
                    aria-label={`Uploading ${item.name}`}
                  />
                  <button
                    type="button"
                    className="btn-ghost px-2 py-0.5 text-xs"
                    onClick={() => item.abort?.abort()}
                    aria-label={`Cancel uploading ${item.name}`}
                  >
                    Cancel
                  </button>
                </>
              )}
              {item.state === "done" && (
                <>
                  <span className="text-xs text-emerald-700">Uploaded</span>
                  <input type="hidden" name="fileIds" value={item.fileId} />
                </>
              )}
              {item.state === "failed" && (
                <span role="alert" className="w-full text-xs text-red-700 sm:w-auto">
                  {item.error}
                </span>
              )}
              {item.state !== "uploading" && (
                <button
                  type="button"
                  className="btn-ghost px-2 py-0.5 text-xs"
                  onClick={() => setItems((all) => all.filter((i) => i.id !== item.id))}
                  aria-label={`Remove ${item.name}`}
                >
                  Remove
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {uploading && (
        <p className="sr-only" aria-live="polite">
          Uploading…
        </p>
      )}
    </div>
  );
}
