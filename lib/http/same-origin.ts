// CSRF: a browser attaches the session cookie to requests any site makes, so a cookie-authenticated unsafe
// request must show it comes from the app's own pages. Bearer tokens are never sent by a browser on its own.
import { env } from "@/lib/env";

export const UNSAFE_METHODS: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Whether the request comes from one of the app's own pages: its `Origin` is APP_URL's origin, or names the host the
 * request was sent to (how the app is reached, e.g. by address or behind a proxy that sets X-Forwarded-Host); without
 * `Origin`, the browser's `Sec-Fetch-Site: same-origin`. `Origin: null` (sandboxed frames, some redirects) and
 * requests carrying neither header are not from the app's pages.
 */
export function isSameOrigin(headers: Pick<Headers, "get">): boolean {
  const origin = headers.get("origin");
  if (origin === null) return headers.get("sec-fetch-site") === "same-origin";
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false; // includes "null"
  }
  if (url.origin === new URL(env.APP_URL).origin) return true;
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return Boolean(host) && url.host === host;
}

export const crossSiteMessage =
  "Cross-site request refused: a signed-in change must come from this app's own pages (or use an API token)";
