// The file store: one interface, two adapters (UploadThing when UPLOADTHING_TOKEN is set, else the local disk).
// Keys are chosen by the caller ([A-Za-z0-9_.-], no leading dot) so both adapters address a file the same way.
import "server-only";
import { env, fileStoreMode } from "@/lib/env";

export type { ByteRange, FileMeta, FileStore, SignedUrlOptions, StoredFile } from "./types";
export { assertValidKey } from "./types";
import type { FileStore } from "./types";

const globalKey = Symbol.for("tidings.fileStore");
type G = typeof globalThis & { [globalKey]?: Promise<FileStore> };
const g = globalThis as G;

async function open(): Promise<FileStore> {
  if (fileStoreMode === "uploadthing") {
    const { createUploadThingStore } = await import("./uploadthing");
    return createUploadThingStore({
      token: env.UPLOADTHING_TOKEN!,
      apiUrl: env.UPLOADTHING_API_URL,
      ingestUrl: env.UPLOADTHING_INGEST_URL,
    });
  }
  const { createDiskStore } = await import("./disk");
  const { filesKey } = await import("./key");
  return createDiskStore({ dir: env.FILES_DIR, key: filesKey(), urlBase: `${env.APP_URL}/api/files/blob` });
}

export function fileStore(): Promise<FileStore> {
  return (g[globalKey] ??= open());
}
