// What a file really is, from its bytes (magic numbers via `file-type`), never from its name or declared type.
import { fileTypeFromBuffer } from "file-type";

export const allowedTypes = [
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
  "image/heic",
  "application/pdf",
  "text/plain",
] as const;
export type AllowedType = (typeof allowedTypes)[number];

export const imageTypes: ReadonlySet<string> = new Set([
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/avif",
]);

export type Inspection = { ok: true; type: AllowedType } | { ok: false; reason: string };

const aliases: Record<string, string> = {
  "image/jpg": "image/jpeg",
  "image/pjpeg": "image/jpeg",
  "image/heif": "image/heic",
  "image/heic-sequence": "image/heic",
  "image/heif-sequence": "image/heic",
  "application/x-pdf": "application/pdf",
};
const normalize = (type: string) => {
  const t = type.split(";")[0]!.trim().toLowerCase();
  return aliases[t] ?? t;
};

/** Declared types that claim nothing in particular (browsers send these for unknown files). */
const vague = new Set(["", "application/octet-stream", "binary/octet-stream"]);

const markup = /^\s*<(\?xml|svg|!doctype|html|head|body|script|iframe|object|embed|!--)/i;

function inspectText(bytes: Uint8Array): Inspection {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 1024 * 1024));
  } catch {
    return { ok: false, reason: "This file type is not accepted (unrecognized binary content)" };
  }
  // A control character other than tab, newline, form feed or carriage return: binary, not text.
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) {
    return { ok: false, reason: "This file type is not accepted (unrecognized binary content)" };
  }
  if (markup.test(text.replace(/^\uFEFF/, ""))) {
    return { ok: false, reason: "SVG, HTML and XML files are not accepted" };
  }
  return { ok: true, type: "text/plain" };
}

/** The type of the content, or a reason to refuse it: not allowed, or not what the uploader said it was. */
export async function inspectContent(bytes: Uint8Array, declaredType?: string | null): Promise<Inspection> {
  if (bytes.length === 0) return { ok: false, reason: "The file is empty" };
  const found = await fileTypeFromBuffer(bytes);
  let result: Inspection;
  if (found) {
    const type = normalize(found.mime);
    result = (allowedTypes as readonly string[]).includes(type)
      ? { ok: true, type: type as AllowedType }
      : { ok: false, reason: `This file type is not accepted (${found.mime}, .${found.ext})` };
  } else {
    result = inspectText(bytes);
  }
  if (!result.ok || !declaredType) return result;
  const declared = normalize(declaredType);
  const matches =
    vague.has(declared) || declared === result.type || (result.type === "text/plain" && declared.startsWith("text/"));
  return matches
    ? result
    : { ok: false, reason: `The file was declared as ${declared} but its content is ${result.type}` };
}

/** A file name safe to show and to put in Content-Disposition: no paths, controls or quotes; at most 200 chars. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\u0000-\u001f\u007f"<>:|?*;]/g, "_")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 200);
  return cleaned || "file";
}
