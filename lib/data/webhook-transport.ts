// Sends one webhook request, guarded against server-side request forgery: the host's addresses are resolved here and
// every one must be public (not loopback, private, CGNAT, link-local/metadata, unique-local, multicast, reserved, nor
// an IPv4-mapped IPv6 form of those); the socket connects to the address that was checked (a custom `lookup`, so a
// second DNS answer cannot swap it), and redirects are not followed (a 3xx is a failed attempt).
import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

export const RESPONSE_EXCERPT_BYTES = 1024;

/** Whether an address is a public unicast one (IPv4-mapped IPv6 is judged as the IPv4 address it carries). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === "unicast";
}

export class RefusedAddressError extends Error {
  constructor(host: string, address: string) {
    super(`${host} resolves to ${address}, which is not a public address`);
    this.name = "RefusedAddressError";
  }
}

/** dns.lookup, refusing when any address the name resolves to is not public (unless private ones are allowed). */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => !isPublicAddress(a.address));
      if (refused) return callback(new RefusedAddressError(hostname, refused.address), "", 0);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, first.address, first.family);
    });
  };
}

export type WebhookResponse = {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
};

export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<WebhookResponse> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { ok: false, statusCode: null, durationMs: 0, responseExcerpt: null, error: "invalid URL" };
  }
  const host = target.hostname.replace(/^\[|\]$/g, "");
  if (!options.allowPrivate) {
    if (target.protocol !== "https:") return refused(elapsed(), "only https URLs are called");
    // An address written in the URL is never looked up: check it here.
    if (isIP(host) && !isPublicAddress(host)) return refused(elapsed(), `${host} is not a public address`);
  }
  const client = target.protocol === "https:" ? https : http;
  return new Promise<WebhookResponse>((resolve) => {
    let settled = false;
    const finish = (r: Omit<WebhookResponse, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: elapsed() });
    };
    const req = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          const status = res.statusCode ?? 0;
          const excerpt = Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8");
          finish({
            ok: status >= 200 && status < 300,
            statusCode: status,
            responseExcerpt: excerpt,
            error: status >= 200 && status < 300 ? null : `HTTP ${status}`,
          });
          res.destroy();
        };
        res.on("data", (chunk: Buffer) => {
          if (size >= RESPONSE_EXCERPT_BYTES) return;
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_EXCERPT_BYTES) done();
        });
        res.on("end", done);
        res.on("error", done);
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`timed out after ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    req.on("error", (error) =>
      finish({ ok: false, statusCode: null, responseExcerpt: null, error: describeError(error) }),
    );
    req.end(body);
  });
}

function refused(durationMs: number, error: string): WebhookResponse {
  return { ok: false, statusCode: null, durationMs, responseExcerpt: null, error: `refused: ${error}` };
}

function describeError(error: Error): string {
  if (error instanceof RefusedAddressError) return `refused: ${error.message}`;
  const code = (error as { code?: string }).code;
  return (code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message).slice(0, 500);
}
