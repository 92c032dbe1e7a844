// The file store's contract, shared by both adapters (./disk.ts, ./uploadthing.ts) and the selector (./store.ts).
export type FileMeta = { name: string; type: string };
export type ByteRange = { start: number; end: number };
export type StoredFile = { key: string; size: number };

export type SignedUrlOptions = {
  /** Seconds until the URL stops working. */
  expiresIn: number;
  /** The file name a download is saved as. */
  name: string;
  /** The Content-Type the file is served with. */
  type: string;
  /** `attachment` (download) or `inline` (only for types safe to render: images the app made). */
  disposition: "attachment" | "inline";
};

export interface FileStore {
  readonly name: "disk" | "uploadthing";
  /** Stores the bytes under `key`, replacing any file there; a reader never sees a half-written file. */
  put(key: string, body: Uint8Array, meta: FileMeta): Promise<void>;
  /** The whole file, or null when there is none. */
  get(key: string): Promise<Uint8Array | null>;
  /** The file's bytes (or the inclusive `range` of them) as a stream, with the total size; null when absent. */
  stream(key: string, range?: ByteRange): Promise<{ size: number; body: ReadableStream<Uint8Array> } | null>;
  /** Removes the files; missing keys are ignored. */
  delete(keys: string[]): Promise<void>;
  list(): Promise<StoredFile[]>;
  /** A URL that serves the file to anyone holding it until it expires. */
  signedUrl(key: string, options: SignedUrlOptions): Promise<string>;
  /** Proves the store answers (health). */
  ping(): Promise<void>;
}

const KEY = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}$/;
export function assertValidKey(key: string): void {
  if (!KEY.test(key) || key.includes("..")) throw new Error(`invalid file key: ${JSON.stringify(key)}`);
}
