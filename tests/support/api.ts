// Calls the real route handlers under app/api the way Next.js would: path → route file → exported method.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteFile = { pattern: RegExp; names: string[]; file: string; segments: number };

const root = path.resolve("app/api");

function collect(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) collect(full, out);
    else if (entry === "route.ts") out.push(full);
  }
  return out;
}

export function routeFiles(base = root): { file: string; urlPath: string }[] {
  return collect(base).map((file) => ({
    file,
    urlPath: "/api/" + path.relative(root, path.dirname(file)).split(path.sep).join("/"),
  }));
}

const routes: RouteFile[] = routeFiles().map(({ file, urlPath }) => {
  const names: string[] = [];
  const source = urlPath
    .split("/")
    .map((seg) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(seg);
      if (catchAll?.[1]) return (names.push(catchAll[1]), "(.+)");
      const param = /^\[(\w+)\]$/.exec(seg);
      if (param?.[1]) return (names.push(param[1]), "([^/]+)");
      return seg.replace(/[.]/g, "\\.");
    })
    .join("/");
  return { pattern: new RegExp(`^${source}$`), names, file, segments: urlPath.split("/").length };
});
// Static segments win over dynamic ones, as in Next.js.
routes.sort((a, b) => a.names.length - b.names.length);

export type ApiOptions = {
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  cookie?: string | null;
  token?: string;
  /**
   * The `Origin` header. Unset: what a browser on the app's own pages sends with a cookie on an unsafe request
   * (APP_URL's origin); null: no Origin header at all.
   */
  origin?: string | null;
};
/** `text`: the body as sent; `json`: parsed (for JSON Lines, an array of the lines). */
export type ApiResponse<T = unknown> = { status: number; headers: Headers; json: T; text?: string };

export async function api<T = any>(method: string, url: string, options: ApiOptions = {}): Promise<ApiResponse<T>> {
  const full = new URL(url, "http://127.0.0.1:3999");
  const match = routes.map((r) => ({ r, m: r.pattern.exec(full.pathname) })).find((x) => x.m);
  if (!match?.m) throw new Error(`no route file for ${full.pathname}`);
  const mod = (await import(/* @vite-ignore */ match.r.file)) as Record<string, Handler | undefined>;
  const handler = mod[method];
  if (!handler) return { status: 405, headers: new Headers(), json: null as T, text: "" };
  const params = Object.fromEntries(match.r.names.map((n, i) => [n, decodeURIComponent(match.m?.[i + 1] ?? "")]));
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("cookie", options.cookie);
  const origin =
    options.origin === undefined && options.cookie && !["GET", "HEAD"].includes(method)
      ? new URL(process.env.APP_URL ?? "http://127.0.0.1:3999").origin
      : options.origin;
  if (origin && !headers.has("origin")) headers.set("origin", origin);
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  }
  const res = await handler(new Request(full, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await res.text();
  // JSON Lines (the audit export): one value per line, handed back as an array.
  const lines = res.headers.get("content-type")?.startsWith("application/x-ndjson");
  const json: unknown = lines
    ? text
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as unknown)
    : text
      ? JSON.parse(text)
      : null;
  return { status: res.status, headers: res.headers, json: json as T, text };
}
