// The browser side of an upload through the file router, in Node: the same two steps the real UploadThing client
// takes (POST ?actionType=upload for presigned URLs, then HEAD + multipart PUT to each), and a tiny HTTP server that
// serves the app's upload routes so the ingest (local or the fake UploadThing) can call the app back.
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import * as ingestRoute from "@/app/api/files/ingest/[...path]/route";
import * as routerRoute from "@/app/api/uploadthing/route";

const version = (createRequire(import.meta.url)("uploadthing/package.json") as { version: string }).version;

export async function startAppServer(port: number) {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", `http://127.0.0.1:${port}`);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = ["GET", "HEAD"].includes(req.method ?? "GET") ? undefined : Buffer.concat(chunks);
      const request = new Request(url, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) =>
          v === undefined ? [] : ([[k, Array.isArray(v) ? v.join(", ") : v]] as [string, string][]),
        ),
        body,
      });
      let response: Response;
      if (url.pathname === "/api/uploadthing") {
        response = await (req.method === "GET" ? routerRoute.GET(request) : routerRoute.POST(request));
      } else if (url.pathname.startsWith("/api/files/ingest/")) {
        const path = url.pathname.slice("/api/files/ingest/".length).split("/");
        const handler = ingestRoute[req.method as "POST" | "PUT" | "HEAD"];
        response = handler
          ? await handler(request, { params: Promise.resolve({ path }) })
          : new Response(null, { status: 405 });
      } else {
        response = new Response("no such route", { status: 404 });
      }
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    })().catch((error: unknown) => {
      res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

export type UploadFile = { name: string; type: string; bytes: Buffer };
type Presigned = { url: string; key: string; customId: string | null; name: string };

/** Step 1: ask the file router for presigned uploads. */
export async function requestPresigned(
  appUrl: string,
  input: unknown,
  files: UploadFile[],
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${appUrl}/api/uploadthing?actionType=upload&slug=attachments`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-uploadthing-version": version,
      "x-uploadthing-package": "@uploadthing/react",
      origin: appUrl,
      ...headers,
    },
    body: JSON.stringify({
      input,
      files: files.map((f) => ({ name: f.name, size: f.bytes.length, type: f.type, lastModified: Date.now() })),
    }),
  });
  const json = (await res.json()) as unknown;
  return { status: res.status, json };
}

/** Step 2: send one file to its presigned URL, as the browser client does. */
export async function putFile(presigned: Presigned, file: UploadFile, url = presigned.url) {
  const head = await fetch(url, { method: "HEAD" });
  const form = new FormData();
  form.append("file", new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  const res = await fetch(url, {
    method: "PUT",
    headers: { range: `bytes=${head.headers.get("x-ut-range-start") ?? 0}-`, "x-uploadthing-version": version },
    body: form,
  });
  return { status: res.status, json: (await res.json()) as { serverData?: unknown; error?: string } };
}

/** Both steps; throws unless every file was accepted. */
export async function uploadThroughRouter(
  appUrl: string,
  input: unknown,
  files: UploadFile[],
  headers: Record<string, string> = {},
) {
  const asked = await requestPresigned(appUrl, input, files, headers);
  if (asked.status !== 200) throw new Error(`presign: ${asked.status} ${JSON.stringify(asked.json)}`);
  const presigned = asked.json as Presigned[];
  return Promise.all(
    presigned.map(async (p, i) => {
      const sent = await putFile(p, files[i]!);
      if (sent.status !== 200) throw new Error(`put: ${sent.status} ${JSON.stringify(sent.json)}`);
      return { presigned: p, serverData: sent.json.serverData as { fileId: string; status: string; name: string } };
    }),
  );
}
