// A post's or comment's files as the thread shows them: pending (a spinner, re-checked until settled), ready (an
// image's thumbnail over its blur placeholder, opening the full image; other files a download with an icon), or
// rejected with the reason. Every link goes through /api/files, which checks access and never serves the unready.
import type { AttachmentView } from "@/lib/domain/files/upload";
import { formatSize } from "./format-size";
import { RefreshWhilePending } from "./refresh-while-pending";

const isImage = (a: AttachmentView) => a.type.startsWith("image/") && a.width !== null;

export function Attachments({ files }: { files: AttachmentView[] }) {
  if (files.length === 0) return null;
  return (
    <ul aria-label="Attached files" className="mt-3 flex flex-wrap gap-3">
      {files.some((f) => f.status === "PENDING") && <RefreshWhilePending />}
      {files.map((file) => (
        <li key={file.id} className="max-w-full">
          <Attachment file={file} />
        </li>
      ))}
    </ul>
  );
}

function Attachment({ file }: { file: AttachmentView }) {
  const href = `/api/files/${file.id}`;
  if (file.status === "PENDING") {
    return (
      <div
        className="flex h-24 w-40 flex-col items-center justify-center gap-2 rounded-md border border-stone-200 bg-stone-50 p-2 text-xs text-stone-700"
        data-file-state="pending"
      >
        <span aria-hidden className="size-5 animate-spin rounded-full border-2 border-stone-300 border-t-indigo-600" />
        <span className="max-w-full truncate" title={file.name}>
          {file.name}
        </span>
        <span role="status">Processing…</span>
      </div>
    );
  }
  if (file.status === "REJECTED") {
    return (
      <div
        className="w-56 max-w-full rounded-md border border-red-200 bg-red-50 p-2 text-xs text-red-800"
        data-file-state="rejected"
      >
        <p className="truncate font-medium" title={file.name}>
          {file.name}
        </p>
        <p>Refused: {file.rejectReason}</p>
      </div>
    );
  }
  if (isImage(file)) {
    return (
      <a
        href={href}
        target="_blank"
        rel="noopener"
        className="block overflow-hidden rounded-md border border-stone-200 focus-visible:outline-2 focus-visible:outline-indigo-600"
        aria-label={`Open image ${file.name} (${file.width}×${file.height})`}
        data-file-state="ready"
      >
        {/* eslint-disable-next-line @next/next/no-img-element -- served by /api/files after an access check */}
        <img
          src={`${href}?variant=thumb`}
          alt={file.name}
          width={file.width ?? undefined}
          height={file.height ?? undefined}
          loading="lazy"
          className="h-32 w-auto max-w-full bg-cover bg-center object-cover"
          style={file.blurDataUrl ? { backgroundImage: `url(${file.blurDataUrl})` } : undefined}
        />
      </a>
    );
  }
  return (
    <a
      href={`${href}?download=1`}
      className="flex w-56 max-w-full items-center gap-2 rounded-md border border-stone-200 bg-white p-2 text-sm hover:bg-stone-50"
      aria-label={`Download ${file.name} (${formatSize(file.size)})`}
      data-file-state="ready"
    >
      <FileIcon label={file.type === "application/pdf" ? "PDF" : "TXT"} />
      <span className="min-w-0 flex-1">
        <span className="block truncate font-medium">{file.name}</span>
        <span className="block text-xs text-stone-600">{formatSize(file.size)}</span>
      </span>
    </a>
  );
}

function FileIcon({ label }: { label: string }) {
  return (
    <svg aria-hidden viewBox="0 0 32 40" className="h-10 w-8 shrink-0">
      <path d="M2 2h20l8 8v28H2z" fill="#fff" stroke="#a8a29e" strokeWidth="2" />
      <path d="M22 2v8h8" fill="none" stroke="#a8a29e" strokeWidth="2" />
      <rect x="0" y="22" width="26" height="11" rx="2" fill={label === "PDF" ? "#b91c1c" : "#57534e"} />
      <text x="13" y="30.5" textAnchor="middle" fontSize="8" fontWeight="700" fill="#fff" fontFamily="sans-serif">
        {label}
      </text>
    </svg>
  );
}
