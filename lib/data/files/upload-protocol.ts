// The UploadThing upload protocol's settings. Managed mode: the real service (UPLOADTHING_TOKEN). Embedded mode: the
// same SDK with a token of our own, its ingest and API pointed at the app's local ingest route (./local-ingest.ts),
// which writes to the disk store. Callers (the file router) never learn which one runs.
import "server-only";
import { createHmac } from "node:crypto";
import { env, fileStoreMode } from "@/lib/env";
import { filesKey } from "./key";

export const LOCAL_INGEST_PATH = "/api/files/ingest";

/** The local ingest's API key: derived from the files key, so it is stable across restarts and never configured. */
export function localIngestKey(): string {
  return `sk_local_${createHmac("sha256", filesKey()).update("uploadthing-local-ingest").digest("hex").slice(0, 40)}`;
}

export const localIngestUrl = () => `${env.APP_URL}${LOCAL_INGEST_PATH}`;

export function uploadProtocolConfig() {
  // The ingest server calls the app back here; APP_URL, not the request's host (Next rewrites it).
  const callbackUrl = `${env.APP_URL}/api/uploadthing`;
  // isDev false: the ingest calls back in every environment (the dev-mode simulation would skip our own ingest).
  const common = { callbackUrl, isDev: false, logLevel: "Error" as const };
  if (fileStoreMode === "uploadthing") {
    return {
      ...common,
      token: env.UPLOADTHING_TOKEN!,
      ...(env.UPLOADTHING_API_URL ? { apiUrl: env.UPLOADTHING_API_URL } : {}),
      ...(env.UPLOADTHING_INGEST_URL ? { ingestUrl: env.UPLOADTHING_INGEST_URL } : {}),
    };
  }
  const token = Buffer.from(
    JSON.stringify({ apiKey: localIngestKey(), appId: "tidings-local", regions: ["local"] }),
  ).toString("base64");
  return { ...common, token, apiUrl: localIngestUrl(), ingestUrl: localIngestUrl() };
}
