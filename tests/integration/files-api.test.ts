// The files REST API and delivery: request → send the bytes → processed → attach → signed URL → bytes; access checks,
// signed URLs that expire or are tampered with, bounded transforms (cached), ranges, safe headers.
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as blob } from "@/app/api/files/blob/[key]/route";
import { GET as openFile } from "@/app/api/files/[fileId]/route";
import { fileStore } from "@/lib/data/files/store";
import { api } from "../support/api";
import { useEmbeddedRuntime } from "../support/background";
import { createWorkspaceWithOwner, memberOf } from "../factories";
import * as files from "../support/files";

let runtime: ReturnType<typeof useEmbeddedRuntime>;
let ctx: Awaited<ReturnType<typeof createWorkspaceWithOwner>>;
let other: Awaited<ReturnType<typeof createWorkspaceWithOwner>>;
let member: Awaited<ReturnType<typeof memberOf>>;
let postId: string;

beforeAll(async () => {
  runtime = useEmbeddedRuntime();
  ctx = await createWorkspaceWithOwner();
  other = await createWorkspaceWithOwner();
  member = await memberOf(ctx.workspace.id, "MEMBER");
  const post = await api("POST", `/api/v1/workspaces/${ctx.workspace.id}/channels/${ctx.general.id}/posts`, {
    cookie: ctx.cookie,
    body: { title: "Photos", body: "From the offsite" },
  });
  postId = post.json.data.id;
});
afterAll(async () => {
  await runtime.drain();
  runtime.uninstall();
});

const base = () => `/api/v1/workspaces/${ctx.workspace.id}`;
async function uploadViaApi(name: string, type: string, bytes: Buffer, cookie = ctx.cookie) {
  const requested = await api("POST", `${base()}/files`, { cookie, body: { name, size: bytes.length, type } });
  expect(requested.status).toBe(201);
  const sent = await api("PUT", `${base()}/files/${requested.json.data.id}/content`, {
    cookie,
    body: { data: bytes.toString("base64") },
  });
  return sent;
}
async function fetchBlob(url: string, headers: Record<string, string> = {}) {
  const u = new URL(url);
  const key = u.pathname.split("/").pop()!;
  return blob(new Request(u, { headers }), { params: Promise.resolve({ key }) });
}

describe("files through the REST API", () => {
  let imageId: string;
  let pdfId: string;

  it("uploads, processes and attaches files; the thread's readers get signed URLs, others a 404", async () => {
    runtime.uninstall(); // hold the background work back, to see the files pending
    const image = await uploadViaApi("offsite.jpg", "image/jpeg", await files.jpegWithExif(300, 200));
    expect(image.status).toBe(200);
    expect(image.json.data).toMatchObject({ status: "PENDING", type: "image/jpeg" });
    imageId = image.json.data.id;
    pdfId = (await uploadViaApi("agenda.pdf", "application/pdf", files.pdf())).json.data.id;

    // Not served while pending, not even to the uploader.
    expect((await api("GET", `${base()}/files/${imageId}/url`, { cookie: ctx.cookie })).status).toBe(404);
    runtime = useEmbeddedRuntime();
    await runtime.drain();
    expect((await api("GET", `${base()}/files/${imageId}`, { cookie: ctx.cookie })).json.data).toMatchObject({
      status: "READY",
      width: 200,
      height: 300,
    });
    // Unattached: only the uploader sees it.
    expect((await api("GET", `${base()}/files/${imageId}`, { cookie: member.cookie })).status).toBe(404);

    const attached = await api("POST", `${base()}/posts/${postId}/files`, {
      cookie: ctx.cookie,
      body: { fileIds: [imageId, pdfId] },
    });
    expect(attached.status).toBe(200);
    expect(attached.json.data.map((f: { postId: string }) => f.postId)).toEqual([postId, postId]);

    const link = await api("GET", `${base()}/files/${imageId}/url`, { cookie: member.cookie });
    expect(link.status).toBe(200);
    const res = await fetchBlob(link.json.data.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/jpeg");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBe(`inline; filename="offsite.jpg"; filename*=UTF-8''offsite.jpg`);
    expect(await sharp(Buffer.from(await res.arrayBuffer())).metadata()).toMatchObject({ width: 200, height: 300 });

    // Another workspace's member: 404 through the API and through the app's file route.
    expect((await api("GET", `${base()}/files/${imageId}/url`, { cookie: other.cookie })).status).toBe(404);
    const viaApp = await openFile(
      new Request(`http://127.0.0.1:3999/api/files/${imageId}`, { headers: { cookie: other.cookie } }),
      {
        params: Promise.resolve({ fileId: imageId }),
      },
    );
    expect(viaApp.status).toBe(404);
    const mine = await openFile(
      new Request(`http://127.0.0.1:3999/api/files/${imageId}?variant=thumb`, { headers: { cookie: member.cookie } }),
      {
        params: Promise.resolve({ fileId: imageId }),
      },
    );
    expect(mine.status).toBe(302);
    expect((await fetchBlob(mine.headers.get("location")!)).headers.get("content-type")).toBe("image/webp");
  });

  it("serves a PDF only as a download with a safe name, and answers ranges", async () => {
    const link = await api("GET", `${base()}/files/${pdfId}/url`, { cookie: member.cookie });
    const res = await fetchBlob(link.json.data.url);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="agenda.pdf"/);
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    const part = await fetchBlob(link.json.data.url, { range: "bytes=0-7" });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe(`bytes 0-7/${files.pdf().length}`);
    expect(await part.text()).toBe("%PDF-1.4");
    expect((await fetchBlob(link.json.data.url, { range: "bytes=99999-" })).status).toBe(416);
  });

  it("refuses a tampered or expired signed URL", async () => {
    const link = new URL((await api("GET", `${base()}/files/${pdfId}/url`, { cookie: member.cookie })).json.data.url);
    const tampered = new URL(link);
    tampered.searchParams.set("d", "inline");
    tampered.searchParams.set("t", "text/html");
    const res = await fetchBlob(tampered.toString());
    expect(res.status).toBe(403);
    expect((await res.json()).error.message).toBe("This link is not valid");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 301_000);
    try {
      const expired = await fetchBlob(link.toString());
      expect(expired.status).toBe(403);
      expect((await expired.json()).error.message).toBe("This link has expired");
    } finally {
      vi.useRealTimers();
    }
  });

  it("transforms images within the bounded set, once; anything else is a 422", async () => {
    const q = "width=160&format=png&quality=60";
    const first = await api("GET", `${base()}/files/${imageId}/url?${q}`, { cookie: member.cookie });
    expect(first.status).toBe(200);
    const res = await fetchBlob(first.json.data.url);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(await sharp(Buffer.from(await res.arrayBuffer())).metadata()).toMatchObject({ format: "png", width: 160 });
    // Cached: the second request finds the variant in the store and does not write it again.
    const store = await fileStore();
    const put = vi.spyOn(store, "put");
    expect((await api("GET", `${base()}/files/${imageId}/url?${q}`, { cookie: member.cookie })).status).toBe(200);
    expect(put).not.toHaveBeenCalled();
    put.mockRestore();

    for (const bad of ["width=161", "width=5000", "format=gif", "format=svg", "quality=100", "quality=abc", "nope=1"]) {
      const r = await api("GET", `${base()}/files/${imageId}/url?${bad}`, { cookie: member.cookie });
      expect(r.status, bad).toBe(422);
    }
    const pdf = await api("GET", `${base()}/files/${pdfId}/url?width=320`, { cookie: member.cookie });
    expect(pdf.status).toBe(422);
    expect(pdf.json.error.message).toBe("Only images can be transformed");
  });

  it("refuses bad uploads with a clear reason through the API", async () => {
    const exe = await uploadViaApi("cat.png", "image/png", files.elfExecutable());
    expect(exe.status).toBe(415);
    expect(exe.json.error.message).toMatch(/not accepted \(application\/x-elf/);
    const svg = await api("POST", `${base()}/files`, {
      cookie: ctx.cookie,
      body: { name: "x.svg", size: 10, type: "image/svg+xml" },
    });
    expect(svg.status).toBe(415);
    const big = await api("POST", `${base()}/files`, {
      cookie: ctx.cookie,
      body: { name: "x.bin", size: 26 * 1024 * 1024, type: "application/pdf" },
    });
    expect(big.status).toBe(413);
    expect(big.json.error.message).toBe("Files can be at most 25 MB");
  });

  it("enforces who may attach, and the per-post count limit", async () => {
    const theirs = await uploadViaApi("m.txt", "text/plain", Buffer.from("hi"), member.cookie);
    await runtime.drain();
    const res = await api("POST", `${base()}/posts/${postId}/files`, {
      cookie: member.cookie,
      body: { fileIds: [theirs.json.data.id] },
    });
    expect(res.status).toBe(403);
    const notMine = await api("POST", `${base()}/posts/${postId}/files`, {
      cookie: ctx.cookie,
      body: { fileIds: [theirs.json.data.id] },
    });
    expect(notMine.status).toBe(404);
    const ids: string[] = [];
    for (let i = 0; i < 9; i++)
      ids.push((await uploadViaApi(`n${i}.txt`, "text/plain", Buffer.from(`n${i}`))).json.data.id);
    const tooMany = await api("POST", `${base()}/posts/${postId}/files`, {
      cookie: ctx.cookie,
      body: { fileIds: ids },
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json.error.message).toBe("At most 10 files per post or comment");
  });
});
