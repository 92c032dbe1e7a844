// The security headers every page and route answers with. Pages get a Content-Security-Policy with a fresh nonce per
// request: Next.js reads it from the request's policy and puts it on its own scripts, so no inline script runs
// without it ('strict-dynamic' lets those scripts load the app's chunks).

/**
 * - scripts: only the nonce's ('unsafe-eval' in development only: React's dev tooling needs it)
 * - styles: the app's stylesheet, plus inline style attributes (React Email previews in the dev mailbox are all
 *   inline styles; a style cannot run code)
 * - images, fonts, fetches: this origin only (images in posts are shown as links, see markdown.tsx)
 * - no plugins, no <base>, forms post only here, and no other site may frame a page
 */
export function pageContentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // data: for the blur placeholders; UploadThing's file hosts for the managed store's signed URLs.
    "img-src 'self' data: https://*.ufs.sh https://utfs.io",
    "font-src 'self'",
    // The browser uploads straight to UploadThing's ingest in the managed mode (to 'self' in the embedded one).
    "connect-src 'self' https://*.ingest.uploadthing.com",
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON and other non-page answers load nothing and are framed by no one. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";

/** Headers for every answer; HSTS only over HTTPS (a browser ignores it over HTTP, and localhost must stay usable). */
export function commonSecurityHeaders(https: boolean): Record<string, string> {
  return {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "permissions-policy":
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), browsing-topics=(), interest-cohort=()",
    "cross-origin-opener-policy": "same-origin",
    ...(https ? { "strict-transport-security": "max-age=63072000; includeSubDomains" } : {}),
  };
}

/** Served over HTTPS: directly, or behind a proxy (Vercel) that terminated TLS and says so. */
export function isHttps(url: URL, headers: Pick<Headers, "get">): boolean {
  const forwarded = headers.get("x-forwarded-proto")?.split(",")[0]?.trim();
  return forwarded ? forwarded === "https" : url.protocol === "https:";
}

/** A path whose percent-encoding does not decode (e.g. `%C3%28`): Next.js would fail on it with a 500. */
export function hasMalformedEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
