// The embedded mode's stand-in for UploadThing's ingest server, at LOCAL_INGEST_PATH. It speaks the wire protocol the
// real SDK and the real browser client use: route metadata registered by the file router, a presigned PUT (HMAC of
// the URL with the API key, checked against the configured origin), the signed callback that runs onUploadComplete,
// and its result handed back to the browser. The bytes go to the disk store under the presigned customId.
import "server-only";
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { env, fileStoreMode } from "@/lib/env";
import { fileStore } from "./store";
import { assertValidKey } from "./types";
import { localIngestKey, localIngestUrl } from "./upload-protocol";

type RouteMetadata = { callbackUrl: string; callbackSlug: string; metadata: unknown; awaitServerData?: boolean };
const stateKey = Symbol.for("tidings.localIngest");
type State = { meta: Map<string, RouteMetadata>; results: Map<string, (data: unknown) => void> };
const g = globalThis as typeof globalThis & { [stateKey]?: State };
function state(): State {
  return (g[stateKey] ??= { meta: new Map(), results: new Map() });
}

const CALLBACK_TIMEOUT_MS = 60_000;
// Multipart framing around the file; anything beyond this plus the file limit is refused before it is read.
const FORM_OVERHEAD = 64 * 1024;

const json = (status: number, body: unknown) => Response.json(body, { status });
const sign = (payload: string) => `hmac-sha256=${createHmac("sha256", localIngestKey()).update(payload).digest("hex")}`;
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export async function localIngest(req: Request, path: string[]): Promise<Response> {
  if (fileStoreMode !== "disk") return json(404, { error: "Not found" });
  const [head, ...rest] = path;
  if (!head || rest.length > 0) return json(404, { error: "Not found" });
  if (req.method === "POST") return control(req, head);
  if (req.method === "HEAD") return new Response(null, { headers: { "x-ut-range-start": "0" } }); // no resuming
  if (req.method === "PUT") return put(req, head);
  return json(405, { error: "Method not allowed" });
}

/** The file router's calls (with the API key): register an upload's metadata, report onUploadComplete's result. */
async function control(req: Request, op: string) {
  if (!same(req.headers.get("x-uploadthing-api-key") ?? "", localIngestKey()))
    return json(401, { error: "Unauthorized" });
  const body = (await req.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body) return json(400, { error: "Invalid JSON" });
  if (op === "route-metadata") {
    const m = body as RouteMetadata & { fileKeys?: string[] };
    for (const key of m.fileKeys ?? []) state().meta.set(key, m);
    return json(200, { ok: true });
  }
  if (op === "callback-result") {
    const { fileKey, callbackData } = body as { fileKey?: string; callbackData?: unknown };
    if (fileKey) state().results.get(fileKey)?.(callbackData ?? null);
    return json(200, { ok: true });
  }
  return json(404, { error: "Not found" });
}

async function put(req: Request, key: string) {
  // Next hands the route a URL with its own idea of the host: verify against the origin the SDK signed for.
  const given = new URL(req.url);
  const url = new URL(given.pathname + given.search, localIngestUrl());
  const signature = url.searchParams.get("signature") ?? "";
  url.searchParams.delete("signature");
  const expires = Number(url.searchParams.get("expires"));
  if (!same(signature, sign(url.toString())) || !(expires > Date.now())) {
    return json(403, { error: "This upload link is not valid or has expired" });
  }
  // The SDK encodes these values once more before they go into the query string.
  const param = (name: string) => {
    const value = url.searchParams.get(name);
    try {
      return value === null ? null : decodeURIComponent(value);
    } catch {
      return value;
    }
  };
  const storeKey = param("x-ut-custom-id") ?? key;
  try {
    assertValidKey(storeKey);
  } catch {
    return json(400, { error: "Invalid file key" });
  }
  const declaredSize = Number(param("x-ut-file-size"));
  const length = Number(req.headers.get("content-length") ?? NaN);
  if (declaredSize > env.FILE_MAX_BYTES || length > env.FILE_MAX_BYTES + FORM_OVERHEAD) {
    return json(413, { error: "The file is too large" });
  }
  const file = (await req.formData().catch(() => null))?.get("file");
  if (!(file instanceof Blob)) return json(400, { error: "No file in the upload" });
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > env.FILE_MAX_BYTES) return json(413, { error: "The file is too large" });
  const m = state().meta.get(key);
  if (!m) return json(400, { error: "This upload was not registered" });
  state().meta.delete(key);

  const name = param("x-ut-file-name") ?? "file";
  const type = param("x-ut-file-type") || "application/octet-stream";
  await (await fileStore()).put(storeKey, bytes, { name, type });

  // The real ingest's URLs are never used here: files are delivered through /api/files after the access check.
  const ufsUrl = `${localIngestUrl()}/f/${key}`;
  const fileHash = createHash("sha256").update(bytes).digest("hex");
  const file_ = {
    key,
    customId: param("x-ut-custom-id"),
    name,
    size: bytes.length,
    type,
    lastModified: Date.now(),
    url: ufsUrl,
    appUrl: ufsUrl,
    ufsUrl,
    fileHash,
  };
  const done = new Promise<unknown>((resolve) => {
    const timer = setTimeout(() => resolve(null), CALLBACK_TIMEOUT_MS);
    state().results.set(key, (data) => {
      clearTimeout(timer);
      resolve(data);
    });
  });
  const payload = JSON.stringify({ status: "uploaded", file: file_, origin: localIngestUrl(), metadata: m.metadata });
  const callback = new URL(m.callbackUrl);
  callback.searchParams.set("slug", m.callbackSlug);
  try {
    const res = await fetch(callback, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "uploadthing-hook": "callback",
        "x-uploadthing-signature": sign(payload),
      },
      body: payload,
    });
    if (!res.ok) throw new Error(`callback answered ${res.status}`);
    const serverData = m.awaitServerData === false ? null : await done;
    return json(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash, serverData });
  } catch (error) {
    // onUploadComplete never ran: the bytes must not linger as an unregistered file.
    await (await fileStore()).delete([storeKey]);
    return json(502, { error: `The upload could not be registered (${(error as Error).message})` });
  } finally {
    state().results.delete(key);
  }
}
