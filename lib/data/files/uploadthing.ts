// The UploadThing file store (managed mode): the real UTApi, files uploaded with the private ACL under a customId
// equal to our key, read and delivered through UploadThing's signed URLs.
import "server-only";
import { UTApi, UTFile } from "uploadthing/server";
import { assertValidKey, type FileStore } from "./types";

export function createUploadThingStore(options: { token: string; apiUrl?: string; ingestUrl?: string }): FileStore {
  const utapi = new UTApi({
    token: options.token,
    apiUrl: options.apiUrl,
    ingestUrl: options.ingestUrl,
    defaultKeyType: "customId",
    logLevel: "Error",
  });

  /** A signed URL of the file, or null when UploadThing does not know it. */
  async function signed(key: string, expiresIn: number): Promise<string | null> {
    assertValidKey(key);
    try {
      return (await utapi.getSignedURL(key, { expiresIn })).ufsUrl;
    } catch (error) {
      if (status(error) === 404) return null;
      throw error;
    }
  }

  const store: FileStore = {
    name: "uploadthing",

    async put(key, body, meta) {
      assertValidKey(key);
      // A put replaces: UploadThing refuses a second file with the same customId.
      await utapi.deleteFiles([key]);
      const result = await utapi.uploadFiles(
        new UTFile([Buffer.from(body)], meta.name, { customId: key, type: meta.type }),
        {
          acl: "private",
          contentDisposition: "attachment",
        },
      );
      if (result.error) throw new Error(`UploadThing upload failed: ${result.error.message}`);
    },

    async get(key) {
      const url = await signed(key, 60);
      if (!url) return null;
      const res = await fetch(url);
      if (res.status === 404) return null;
      if (!res.ok) throw new Error(`UploadThing read failed: ${res.status}`);
      return new Uint8Array(await res.arrayBuffer());
    },

    async stream(key, range) {
      const url = await signed(key, 60);
      if (!url) return null;
      const res = await fetch(url, range ? { headers: { range: `bytes=${range.start}-${range.end}` } } : {});
      if (res.status === 404) return null;
      if (!res.ok || !res.body) throw new Error(`UploadThing read failed: ${res.status}`);
      const total = res.headers.get("content-range")?.split("/")[1] ?? res.headers.get("content-length");
      return { size: Number(total), body: res.body };
    },

    async delete(keys) {
      if (keys.length === 0) return;
      keys.forEach(assertValidKey);
      await utapi.deleteFiles(keys);
    },

    async list() {
      const files: { key: string; size: number }[] = [];
      for (let offset = 0; ;) {
        const page = await utapi.listFiles({ limit: 500, offset });
        for (const f of page.files) files.push({ key: f.customId ?? f.key, size: f.size });
        if (!page.hasMore || page.files.length === 0) break;
        offset += page.files.length;
      }
      return files.sort((a, b) => a.key.localeCompare(b.key));
    },

    async signedUrl(key, { expiresIn }) {
      const url = await signed(key, expiresIn);
      if (!url) throw new Error(`no file ${key}`);
      return url;
    },

    async ping() {
      await utapi.listFiles({ limit: 1 });
    },
  };
  return store;
}

function status(error: unknown): number | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const r = e as { status?: number; response?: { status?: number }; cause?: unknown };
    if (typeof r.response?.status === "number") return r.response.status;
    if (typeof r.status === "number") return r.status;
    e = r.cause;
  }
  return undefined;
}
