// Serving files: a cached thumbnail through the app (access check → 302 to a signed URL → signature check →
// decrypt → stream) beside the same bytes from a bare node:http file server, both over HTTP on this machine; and
// what the first request of an image transform costs (sharp resize + encode + encrypted store) against a cached one.
// Run: npm run bench:files. Each bench runs for a bounded time and stops by itself.
import { createReadStream } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, bench, describe } from "vitest";
import { GET as blobRoute } from "@/app/api/files/blob/[key]/route";
import { GET as fileRoute } from "@/app/api/files/[fileId]/route";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { findAttachment } from "@/lib/data/attachments";
import { getDb } from "@/lib/data/db/client";
import { fileStore } from "@/lib/data/files/store";
import { attachFiles } from "@/lib/domain/files/attach";
import { fileUrl } from "@/lib/domain/files/deliver";
import { processAttachment } from "@/lib/domain/files/process-attachment";
import { receiveUpload, requestUpload } from "@/lib/domain/files/upload";
import { createPost } from "@/lib/domain/posts/create-post";
import { createWorkspaceWithOwner } from "../tests/factories";

const { cookie, workspace, general } = await createWorkspaceWithOwner("Files bench");
const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
const actor = await actorFromCookies({ get: (n) => (n === name ? { value } : undefined) });
if (!actor) throw new Error("bench: no actor");

// A noisy photo-sized image, so the thumbnail and the transforms have real work in them.
const [w, h] = [1600, 1200];
const raw = Buffer.alloc(w * h * 3);
for (let i = 0; i < raw.length; i++) raw[i] = (i * 7919 + (i >> 9)) % 251;
const photo = await sharp(raw, { raw: { width: w, height: h, channels: 3 } })
  .jpeg({ quality: 85 })
  .toBuffer();
const requested = await requestUpload(actor, workspace.id, {
  name: "photo.jpg",
  size: photo.length,
  type: "image/jpeg",
});
await receiveUpload(actor, workspace.id, requested.id, photo);
if ((await processAttachment(requested.id)).status !== "READY") throw new Error("bench: photo not processed");
const post = await createPost(actor, workspace.id, general.id, { title: "Bench photo", body: "x" });
await attachFiles(actor, workspace.id, post.id, { fileIds: [requested.id] });

// The app's two file routes behind node:http, as `next start` would put them.
const app = http.createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const request = new Request(url, { headers: { cookie: req.headers.cookie ?? "" } });
    const blob = /^\/api\/files\/blob\/([^/]+)$/.exec(url.pathname);
    const file = /^\/api\/files\/([^/]+)$/.exec(url.pathname);
    const response = blob
      ? await blobRoute(request, { params: Promise.resolve({ key: blob[1]! }) })
      : await fileRoute(request, { params: Promise.resolve({ fileId: file![1]! }) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  })();
});
await new Promise<void>((r) => app.listen(0, "127.0.0.1", r));
const appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;

// The same thumbnail bytes, in plain, from a bare file server.
const thumbUrl = (await fileUrl(actor, requested.id, { variant: "thumb" })).url;
const thumb = Buffer.from(
  await (
    await blobRoute(new Request(thumbUrl), {
      params: Promise.resolve({ key: new URL(thumbUrl).pathname.split("/").pop()! }),
    })
  ).arrayBuffer(),
);
const dir = await mkdtemp(path.join(tmpdir(), "tidings-bench-files-"));
await writeFile(path.join(dir, "thumb.webp"), thumb);
const bare = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "image/webp", "content-length": thumb.length });
  createReadStream(path.join(dir, "thumb.webp")).pipe(res);
});
await new Promise<void>((r) => bare.listen(0, "127.0.0.1", r));
const bareOrigin = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;
afterAll(() => {
  app.close();
  bare.close();
});

const expectBytes = async (res: Response, size: number) => {
  const got = (await res.arrayBuffer()).byteLength;
  if (res.status !== 200 || got !== size) throw new Error(`bench: ${res.status}, ${got} bytes`);
};
const bounded = { time: 3000, warmupTime: 300 };

describe(`serve a cached thumbnail (${thumb.length} bytes)`, () => {
  bench(
    "bare node:http file server (baseline)",
    async () => expectBytes(await fetch(`${bareOrigin}/thumb.webp`), thumb.length),
    bounded,
  );
  bench(
    "through the app: access check, 302, signed URL, decrypt",
    async () => {
      const redirect = await fetch(`${appOrigin}/api/files/${requested.id}?variant=thumb`, {
        headers: { cookie },
        redirect: "manual",
      });
      const location = new URL(redirect.headers.get("location")!);
      await expectBytes(await fetch(`${appOrigin}${location.pathname}${location.search}`), thumb.length);
    },
    bounded,
  );
});

const store = await fileStore();
const { key } = (await findAttachment(await getDb(), requested.id))!;
describe("an image transform (640 px wide, webp q75)", () => {
  bench(
    "cached: signed URL of the stored variant (baseline)",
    async () => {
      await fileUrl(actor, requested.id, { width: 640, format: "webp", quality: 75 });
    },
    bounded,
  );
  bench(
    "first request: resize, encode, store",
    async () => {
      await store.delete([`${key}.w640q75.webp`]);
      await fileUrl(actor, requested.id, { width: 640, format: "webp", quality: 75 });
    },
    { ...bounded, iterations: 5 },
  );
});
