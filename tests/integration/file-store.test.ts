// One contract, two adapters: the local disk (real files in a temp dir) and UploadThing (the real SDK against a local
// fake of its API, ingest and file servers). Plus what only the disk adapter promises: encryption at rest, atomic
// writes, and its own signed URLs.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDiskStore, type DiskStore } from "@/lib/data/files/disk";
import type { FileStore } from "@/lib/data/files/store";
import { createUploadThingStore } from "@/lib/data/files/uploadthing";
import { startFakeUploadThing, type FakeUploadThing } from "../support/fake-uploadthing";

const text = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString("utf8") : null);
async function readAll(stream: ReadableStream<Uint8Array>) {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

let dir: string;
let fake: FakeUploadThing;
const stores: Record<string, () => FileStore> = {};
let disk: DiskStore;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "tidings-files-"));
  disk = createDiskStore({ dir, key: randomBytes(32), urlBase: "http://127.0.0.1:3999/api/files/blob" });
  fake = await startFakeUploadThing();
  const ut = createUploadThingStore({ token: fake.token, apiUrl: fake.url, ingestUrl: fake.url });
  stores.disk = () => disk;
  stores.uploadthing = () => ut;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await fake.close();
});

describe.each(["disk", "uploadthing"])("file store contract: %s", (name) => {
  const store = () => stores[name]!();
  const big = randomBytes(200_000 + 17); // several encryption chunks, the last one partial

  it("puts, gets, lists and deletes", async () => {
    const key = `contract-${name}-a`;
    await store().put(key, Buffer.from("hello"), { name: "hello.txt", type: "text/plain" });
    expect(text(await store().get(key))).toBe("hello");
    expect(await store().list()).toContainEqual({ key, size: 5 });
    await store().delete([key, "never-existed"]);
    expect(await store().get(key)).toBeNull();
    expect((await store().list()).map((f) => f.key)).not.toContain(key);
  });

  it("replaces a file put twice under the same key", async () => {
    const key = `contract-${name}-b`;
    await store().put(key, Buffer.from("one"), { name: "a.txt", type: "text/plain" });
    await store().put(key, Buffer.from("two!"), { name: "a.txt", type: "text/plain" });
    expect(text(await store().get(key))).toBe("two!");
    expect((await store().list()).filter((f) => f.key === key)).toEqual([{ key, size: 4 }]);
  });

  it("streams a large file whole and by range", async () => {
    const key = `contract-${name}-c`;
    await store().put(key, big, { name: "big.bin", type: "application/octet-stream" });
    expect(Buffer.from((await store().get(key))!).equals(big)).toBe(true);
    const whole = (await store().stream(key))!;
    expect(whole.size).toBe(big.length);
    expect((await readAll(whole.body)).equals(big)).toBe(true);
    for (const [start, end] of [
      [0, 0],
      [65_530, 65_545], // across a chunk boundary
      [100, 150_000],
      [big.length - 10, big.length - 1],
    ] as const) {
      const part = (await store().stream(key, { start, end }))!;
      expect(part.size).toBe(big.length);
      expect((await readAll(part.body)).equals(big.subarray(start, end + 1))).toBe(true);
    }
  });

  it("answers null for a missing file and refuses keys that could escape", async () => {
    expect(await store().get(`contract-${name}-missing`)).toBeNull();
    expect(await store().stream(`contract-${name}-missing`)).toBeNull();
    for (const bad of ["../etc/passwd", "a/b", "", ".hidden", "a..b"]) {
      await expect(store().put(bad, Buffer.from("x"), { name: "x", type: "text/plain" })).rejects.toThrow(
        /invalid file key/,
      );
    }
  });

  it("hands out a signed URL that serves the bytes", async () => {
    const key = `contract-${name}-d`;
    await store().put(key, Buffer.from("signed"), { name: "s.txt", type: "text/plain" });
    const url = new URL(
      await store().signedUrl(key, { expiresIn: 60, name: "s.txt", type: "text/plain", disposition: "attachment" }),
    );
    if (name === "disk") {
      expect(disk.verifySignedUrl(key, url.searchParams)).toMatchObject({ ok: true, key, name: "s.txt" });
    } else {
      expect(await (await fetch(url)).text()).toBe("signed");
    }
  });
});

describe("UploadThing adapter", () => {
  it("stores files with the private ACL under our key, so an unsigned URL is refused", async () => {
    const store = stores.uploadthing!();
    await store.put("ut-private", Buffer.from("secret"), { name: "p.txt", type: "text/plain" });
    const stored = [...fake.files.values()].find((f) => f.customId === "ut-private")!;
    expect(stored.acl).toBe("private");
    expect((await fetch(`${fake.url}/f/${stored.key}`)).status).toBe(403);
    const signed = new URL(
      await store.signedUrl("ut-private", { expiresIn: 60, name: "p", type: "text/plain", disposition: "attachment" }),
    );
    signed.searchParams.set("signature", "hmac-sha256=00");
    expect((await fetch(signed)).status).toBe(403);
  });
});

describe("disk adapter", () => {
  it("encrypts at rest: the plaintext is nowhere on disk, and another key cannot read it", async () => {
    const secret = "the launch is on 12 March";
    await disk.put("enc-1", Buffer.from(secret), { name: "n.txt", type: "text/plain" });
    const raw = await readFile(path.join(dir, "enc-1"));
    expect(raw.includes(Buffer.from(secret))).toBe(false);
    expect(raw.includes(Buffer.from("launch"))).toBe(false);
    const other = createDiskStore({ dir, key: randomBytes(32), urlBase: "http://x" });
    await expect(other.get("enc-1")).rejects.toThrow();
  });

  it("refuses a truncated or altered file instead of serving part of it", async () => {
    await disk.put("enc-2", randomBytes(150_000), { name: "b", type: "application/octet-stream" });
    const file = path.join(dir, "enc-2");
    const raw = await readFile(file);
    await writeFile(file, raw.subarray(0, 12 + 65_536 + 16)); // exactly the first chunk: the "last" flag is wrong
    await expect(disk.get("enc-2")).rejects.toThrow();
    const flipped = Buffer.from(raw);
    flipped[100] = flipped[100]! ^ 1;
    await writeFile(file, flipped);
    await expect(disk.get("enc-2")).rejects.toThrow();
  });

  it("writes atomically: a failed write leaves the previous file and no temp file behind", async () => {
    await disk.put("atomic", Buffer.from("previous"), { name: "a", type: "text/plain" });
    const poisoned = new Uint8Array(100_000);
    Object.defineProperty(poisoned, "subarray", {
      value: (start: number) => {
        if (start > 0) throw new Error("disk full");
        return Buffer.alloc(65_536);
      },
    });
    await expect(disk.put("atomic", poisoned, { name: "a", type: "text/plain" })).rejects.toThrow("disk full");
    expect(text(await disk.get("atomic"))).toBe("previous");
    expect(await readdir(path.join(dir, ".tmp"))).toEqual([]);
    expect((await disk.list()).map((f) => f.key)).not.toContain(".tmp");
  });

  it("signs URLs: a tampered or expired one is refused", async () => {
    const url = new URL(
      await disk.signedUrl("enc-1", { expiresIn: 60, name: "n.txt", type: "text/plain", disposition: "attachment" }),
    );
    const key = url.pathname.split("/").pop()!;
    expect(disk.verifySignedUrl(key, url.searchParams)).toMatchObject({ ok: true, type: "text/plain" });
    expect(disk.verifySignedUrl("enc-2", url.searchParams)).toEqual({ ok: false, reason: "invalid" });
    for (const [param, value] of [
      ["t", "text/html"],
      ["d", "inline"],
      ["exp", String(Number(url.searchParams.get("exp")) + 3600)],
      ["sig", "x"],
    ] as const) {
      const q = new URLSearchParams(url.searchParams);
      q.set(param, value);
      expect(disk.verifySignedUrl(key, q)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(disk.verifySignedUrl(key, url.searchParams, Date.now() + 61_000)).toEqual({ ok: false, reason: "expired" });
  });
});
