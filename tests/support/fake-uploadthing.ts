// A local stand-in for UploadThing's API (/v6/*), ingest server (presigned PUTs, route metadata, callbacks) and file
// CDN (signed GETs with ranges), talked to by the real `uploadthing` SDK. Files live in memory.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

type Stored = { key: string; customId: string | null; name: string; type: string; bytes: Buffer; acl: string | null };

export type FakeUploadThing = {
  url: string;
  apiKey: string;
  token: string;
  files: Map<string, Stored>;
  /** Every request the fake received, as "METHOD /path". */
  requests: string[];
  close(): Promise<void>;
};

export async function startFakeUploadThing(
  appId = "fakeapp",
  options: { apiKey?: string; port?: number } = {},
): Promise<FakeUploadThing> {
  const apiKey =
    options.apiKey ?? `sk_test_${createHash("sha256").update(String(Math.random())).digest("hex").slice(0, 24)}`;
  const token = Buffer.from(JSON.stringify({ apiKey, appId, regions: ["local"] })).toString("base64");
  const files = new Map<string, Stored>();
  const meta = new Map<
    string,
    { callbackUrl: string; callbackSlug: string; metadata: unknown; awaitServerData?: boolean }
  >();
  const results = new Map<string, (data: unknown) => void>();
  const requests: string[] = [];
  const sign = (payload: string) => "hmac-sha256=" + createHmac("sha256", apiKey).update(payload).digest("hex");
  const validSignature = (url: URL) => {
    const sig = url.searchParams.get("signature") ?? "";
    const unsigned = new URL(url);
    unsigned.searchParams.delete("signature");
    const expected = Buffer.from(sign(unsigned.toString()));
    const given = Buffer.from(sig);
    return given.length === expected.length && timingSafeEqual(given, expected);
  };
  const byKeyOrCustomId = (b: { fileKey?: string; customId?: string }) =>
    b.fileKey ? files.get(b.fileKey) : [...files.values()].find((f) => f.customId === b.customId);

  const server = http.createServer((req, res) => {
    const json = (code: number, body: unknown) => {
      res.writeHead(code, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    void (async () => {
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const url = new URL(req.url ?? "/", origin);
      requests.push(`${req.method} ${url.pathname}`);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const raw = Buffer.concat(chunks);
      const body = () => JSON.parse(raw.toString("utf8") || "{}") as Record<string, unknown>;
      const authorized = req.headers["x-uploadthing-api-key"] === apiKey;

      if (req.method === "POST" && url.pathname === "/route-metadata") {
        if (!authorized) return json(401, { error: "bad api key" });
        const b = body() as { fileKeys: string[]; callbackUrl: string; callbackSlug: string; metadata: unknown };
        for (const k of b.fileKeys ?? []) meta.set(k, b);
        return json(200, { ok: true });
      }
      if (req.method === "POST" && url.pathname === "/callback-result") {
        if (!authorized) return json(401, { error: "bad api key" });
        const b = body() as { fileKey: string; callbackData: unknown };
        results.get(b.fileKey)?.(b.callbackData);
        results.delete(b.fileKey);
        return json(200, { ok: true });
      }
      if (req.method === "HEAD") {
        res.writeHead(200, { "x-ut-range-start": "0" });
        return res.end();
      }
      if (req.method === "PUT") {
        const expires = Number(url.searchParams.get("expires"));
        if (!validSignature(url) || !(expires > Date.now())) return json(403, { error: "invalid signature" });
        const form = await new Response(raw, {
          headers: { "content-type": req.headers["content-type"] ?? "" },
        }).formData();
        const file = form.get("file");
        if (!(file instanceof Blob)) return json(400, { error: "no file" });
        const bytes = Buffer.from(await file.arrayBuffer());
        const key = url.pathname.slice(1);
        const param = (n: string) => {
          const v = url.searchParams.get(n);
          return v === null ? null : decodeURIComponent(v);
        };
        const customId = param("x-ut-custom-id");
        if (customId && [...files.values()].some((f) => f.customId === customId && f.key !== key)) {
          return json(409, { error: "customId already exists" });
        }
        const stored = {
          key,
          customId,
          name: param("x-ut-file-name") ?? key,
          type: param("x-ut-file-type") ?? "application/octet-stream",
          bytes,
          acl: param("x-ut-acl"),
        };
        files.set(key, stored);
        const ufsUrl = `${origin}/f/${key}`;
        const fileHash = createHash("sha256").update(bytes).digest("hex");
        const m = meta.get(key);
        if (!m) return json(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash, serverData: null });
        const fileData = {
          ...stored,
          bytes: undefined,
          size: bytes.length,
          lastModified: Date.now(),
          url: ufsUrl,
          appUrl: ufsUrl,
          ufsUrl,
          fileHash,
        };
        const done = new Promise((r) => results.set(key, r));
        const payload = JSON.stringify({ status: "uploaded", file: fileData, origin, metadata: m.metadata ?? {} });
        const cb = new URL(m.callbackUrl);
        cb.searchParams.set("slug", m.callbackSlug);
        const cbRes = await fetch(cb, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "uploadthing-hook": "callback",
            "x-uploadthing-signature": sign(payload),
          },
          body: payload,
        });
        if (!cbRes.ok) return json(500, { error: `callback failed ${cbRes.status}` });
        const serverData = m.awaitServerData === false ? null : await done;
        return json(200, { url: ufsUrl, appUrl: ufsUrl, ufsUrl, fileHash, serverData });
      }
      if (req.method === "GET" && url.pathname.startsWith("/f/")) {
        const f = files.get(url.pathname.slice(3));
        if (f?.acl === "private" && !(validSignature(url) && Number(url.searchParams.get("expires")) > Date.now())) {
          return json(403, { error: "invalid or expired signature" });
        }
        if (!f) return json(404, { error: "not found" });
        const m = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
        if (m) {
          const start = Number(m[1]);
          const end = Math.min(m[2] ? Number(m[2]) : f.bytes.length - 1, f.bytes.length - 1);
          res.writeHead(206, {
            "content-range": `bytes ${start}-${end}/${f.bytes.length}`,
            "content-length": end - start + 1,
          });
          return res.end(f.bytes.subarray(start, end + 1));
        }
        res.writeHead(200, { "content-type": f.type, "content-length": f.bytes.length });
        return res.end(f.bytes);
      }
      if (url.pathname.startsWith("/v6/") && !authorized) return json(401, { error: "bad api key" });
      if (req.method === "POST" && url.pathname === "/v6/requestFileAccess") {
        const b = body() as { fileKey?: string; customId?: string; expiresIn?: number };
        const f = byKeyOrCustomId(b);
        if (!f) return json(404, { error: "file not found" });
        const u = new URL(`${origin}/f/${f.key}`);
        u.searchParams.set("expires", String(Date.now() + (b.expiresIn ?? 3600) * 1000));
        u.searchParams.set("signature", sign(u.toString()));
        return json(200, { url: u.toString(), ufsUrl: u.toString() });
      }
      if (req.method === "POST" && url.pathname === "/v6/deleteFiles") {
        const b = body() as { fileKeys?: string[]; customIds?: string[] };
        let deletedCount = 0;
        for (const f of [...files.values()]) {
          if (b.fileKeys?.includes(f.key) || (f.customId && b.customIds?.includes(f.customId))) {
            files.delete(f.key);
            deletedCount++;
          }
        }
        return json(200, { success: true, deletedCount });
      }
      if (req.method === "POST" && url.pathname === "/v6/listFiles") {
        const b = body() as { limit?: number; offset?: number };
        const all = [...files.values()];
        const offset = b.offset ?? 0;
        const page = all.slice(offset, offset + (b.limit ?? 500));
        return json(200, {
          hasMore: offset + page.length < all.length,
          files: page.map((f) => ({
            id: f.key,
            key: f.key,
            customId: f.customId,
            name: f.name,
            size: f.bytes.length,
            status: "Uploaded",
            uploadedAt: Date.now(),
          })),
        });
      }
      json(404, { error: `fake UploadThing: no route ${req.method} ${url.pathname}` });
    })().catch((error: unknown) => json(500, { error: String(error) }));
  });
  await new Promise<void>((r) => server.listen(options.port ?? 0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiKey,
    token,
    files,
    requests,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
