// The local-disk file store (embedded default). Files are encrypted at rest with AES-256-GCM in 64 KiB chunks
// (each chunk sealed on its own, its index and "last" flag authenticated) so a range is read without decrypting the
// whole file and a truncated or altered file fails to read. Writes go to a temp file that is renamed into place: a
// crash mid-write leaves no half file under the key. Delivery URLs are HMAC-signed with an expiry.
import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { assertValidKey, type ByteRange, type FileStore, type SignedUrlOptions } from "./types";

const MAGIC = Buffer.from("TDF1");
const HEADER = MAGIC.length + 8; // magic + nonce prefix
const CHUNK = 64 * 1024;
const TAG = 16;
const SEALED = CHUNK + TAG;

export type SignedRequest = { key: string; name: string; type: string; disposition: "attachment" | "inline" };
export type SignatureCheck = ({ ok: true } & SignedRequest) | { ok: false; reason: "expired" | "invalid" };

export interface DiskStore extends FileStore {
  readonly name: "disk";
  /** Checks a delivery URL made by signedUrl: the signature over key, expiry and headers, and the expiry. */
  verifySignedUrl(key: string, params: URLSearchParams, now?: number): SignatureCheck;
}

const plainSize = (fileSize: number) => {
  const body = fileSize - HEADER;
  return body - TAG * Math.ceil(body / SEALED);
};

function aad(index: number, last: boolean) {
  const b = Buffer.alloc(5);
  b.writeUInt32BE(index);
  b[4] = last ? 1 : 0;
  return b;
}

function nonce(prefix: Buffer, index: number) {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 8);
  n.writeUInt32BE(index, 8);
  return n;
}

export function createDiskStore(options: { dir: string; key: Buffer; urlBase: string }): DiskStore {
  const dir = path.resolve(options.dir);
  const tmpDir = path.join(dir, ".tmp");
  const encKey = Buffer.from(hkdfSync("sha256", options.key, Buffer.alloc(0), "tidings files: encryption", 32));
  const signKey = Buffer.from(hkdfSync("sha256", options.key, Buffer.alloc(0), "tidings files: url signing", 32));
  const fileOf = (key: string) => {
    assertValidKey(key);
    return path.join(dir, key);
  };

  function seal(prefix: Buffer, index: number, last: boolean, plain: Uint8Array) {
    const cipher = createCipheriv("aes-256-gcm", encKey, nonce(prefix, index));
    cipher.setAAD(aad(index, last));
    return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  }

  function unseal(prefix: Buffer, index: number, last: boolean, sealed: Buffer) {
    if (sealed.length < TAG) throw new Error("encrypted file is truncated");
    const decipher = createDecipheriv("aes-256-gcm", encKey, nonce(prefix, index));
    decipher.setAAD(aad(index, last));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG)), decipher.final()]);
  }

  async function openFile(key: string) {
    const file = fileOf(key);
    try {
      const handle = await open(file, "r");
      const { size } = await handle.stat();
      const header = Buffer.alloc(HEADER);
      await handle.read(header, 0, HEADER, 0);
      if (size < HEADER + TAG || !header.subarray(0, 4).equals(MAGIC)) {
        await handle.close();
        throw new Error(`${key}: not a Tidings encrypted file`);
      }
      return { handle, prefix: header.subarray(4), size: plainSize(size), chunks: Math.ceil((size - HEADER) / SEALED) };
    } catch (error) {
      if ((error as { code?: string }).code === "ENOENT") return null;
      throw error;
    }
  }

  async function readChunk(opened: NonNullable<Awaited<ReturnType<typeof openFile>>>, index: number) {
    const buf = Buffer.alloc(SEALED);
    const { bytesRead } = await opened.handle.read(buf, 0, SEALED, HEADER + index * SEALED);
    return unseal(opened.prefix, index, index === opened.chunks - 1, buf.subarray(0, bytesRead));
  }

  const signature = (key: string, exp: number, name: string, type: string, disposition: string) =>
    createHmac("sha256", signKey).update([key, exp, name, type, disposition].join("\n")).digest("base64url");

  const store: DiskStore = {
    name: "disk",

    async put(key, body) {
      const target = fileOf(key);
      await mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, `${key}.${randomBytes(6).toString("hex")}`);
      const prefix = randomBytes(8);
      const handle = await open(tmp, "wx", 0o600);
      try {
        await handle.write(Buffer.concat([MAGIC, prefix]));
        const count = Math.max(1, Math.ceil(body.length / CHUNK));
        for (let i = 0; i < count; i++) {
          await handle.write(seal(prefix, i, i === count - 1, body.subarray(i * CHUNK, (i + 1) * CHUNK)));
        }
        await handle.sync();
        await handle.close();
        await rename(tmp, target);
      } catch (error) {
        await handle.close().catch(() => {});
        await rm(tmp, { force: true });
        throw error;
      }
    },

    async get(key) {
      const opened = await openFile(key);
      if (!opened) return null;
      try {
        const parts: Buffer[] = [];
        for (let i = 0; i < opened.chunks; i++) parts.push(await readChunk(opened, i));
        return Buffer.concat(parts);
      } finally {
        await opened.handle.close();
      }
    },

    async stream(key, range?: ByteRange) {
      const opened = await openFile(key);
      if (!opened) return null;
      const start = range?.start ?? 0;
      const end = Math.min(range?.end ?? opened.size - 1, opened.size - 1);
      let index = Math.floor(start / CHUNK);
      const lastIndex = Math.max(index, Math.floor(end / CHUNK));
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          try {
            if (index > lastIndex || end < start) {
              await opened.handle.close();
              controller.close();
              return;
            }
            const plain = await readChunk(opened, index);
            const from = index === Math.floor(start / CHUNK) ? start - index * CHUNK : 0;
            const to = index === lastIndex ? end - index * CHUNK + 1 : plain.length;
            index++;
            controller.enqueue(new Uint8Array(plain.subarray(from, to)));
          } catch (error) {
            await opened.handle.close().catch(() => {});
            controller.error(error);
          }
        },
        async cancel() {
          await opened.handle.close();
        },
      });
      return { size: opened.size, body };
    },

    async delete(keys) {
      await Promise.all(keys.map((key) => rm(fileOf(key), { force: true })));
    },

    async list() {
      let names: string[];
      try {
        names = await readdir(dir);
      } catch (error) {
        if ((error as { code?: string }).code === "ENOENT") return [];
        throw error;
      }
      const files = await Promise.all(
        names
          .filter((n) => !n.startsWith("."))
          .map(async (key) => ({ key, size: plainSize((await stat(path.join(dir, key))).size) })),
      );
      return files.sort((a, b) => a.key.localeCompare(b.key));
    },

    signedUrl(key, { expiresIn, name, type, disposition }: SignedUrlOptions) {
      assertValidKey(key);
      const exp = Math.floor(Date.now() / 1000) + expiresIn;
      const q = new URLSearchParams({ exp: String(exp), n: name, t: type, d: disposition });
      q.set("sig", signature(key, exp, name, type, disposition));
      return Promise.resolve(`${options.urlBase}/${key}?${q}`);
    },

    verifySignedUrl(key, params, now = Date.now()) {
      const exp = Number(params.get("exp"));
      const [name, type, d, sig] = [params.get("n"), params.get("t"), params.get("d"), params.get("sig")];
      if (!Number.isInteger(exp) || name === null || type === null || sig === null)
        return { ok: false, reason: "invalid" };
      if (d !== "attachment" && d !== "inline") return { ok: false, reason: "invalid" };
      try {
        assertValidKey(key);
      } catch {
        return { ok: false, reason: "invalid" };
      }
      const expected = Buffer.from(signature(key, exp, name, type, d));
      const given = Buffer.from(sig);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        return { ok: false, reason: "invalid" };
      if (exp * 1000 < now) return { ok: false, reason: "expired" };
      return { ok: true, key, name, type, disposition: d };
    },

    async ping() {
      await mkdir(dir, { recursive: true });
      await stat(dir);
    },
  };
  return store;
}
