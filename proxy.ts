// Runs before every page, and before an API route whose path holds a percent sign (Next.js' proxy, formerly
// middleware): security headers with a fresh CSP nonce per page, CSRF for server actions, and malformed paths
// answered before Next.js' router fails on them. The API's headers otherwise come from next.config.ts.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { databaseRetryAfterSeconds } from "@/lib/availability";
import { env } from "@/lib/env";
import { errorBody } from "@/lib/http/errors";
import { crossSiteMessage, isSameOrigin, UNSAFE_METHODS } from "@/lib/http/same-origin";
import {
  apiContentSecurityPolicy,
  commonSecurityHeaders,
  hasMalformedEncoding,
  isHttps,
  pageContentSecurityPolicy,
} from "@/lib/http/security-headers";
import { log } from "@/lib/log";

// A path that no route can match (folders starting with _ are private): renders the app's not-found page.
const NOT_FOUND_PATH = "/_not-found-malformed-path";

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const https = isHttps(request.nextUrl, request.headers);
  const isApi = pathname.startsWith("/api/");
  const withHeaders = (res: NextResponse, csp: string) => {
    for (const [k, v] of Object.entries(commonSecurityHeaders(https))) res.headers.set(k, v);
    res.headers.set("content-security-policy", csp);
    return res;
  };

  if (isApi && hasMalformedEncoding(pathname)) {
    const body = errorBody("BAD_REQUEST", "The path's percent-encoding is malformed");
    return withHeaders(NextResponse.json(body, { status: 400 }), apiContentSecurityPolicy);
  }
  if (isApi) return withHeaders(NextResponse.next(), apiContentSecurityPolicy);

  // Pages receive POSTs only as server actions. Next.js itself refuses a foreign Origin with a 500 and an error log
  // (and lets a request without Origin through): refuse here with a 403, logged as what it is.
  if (UNSAFE_METHODS.has(request.method) && !isSameOrigin(request.headers)) {
    log.info("cross-site request refused", {
      method: request.method,
      path: pathname,
      origin: request.headers.get("origin"),
      secFetchSite: request.headers.get("sec-fetch-site"),
    });
    return withHeaders(new NextResponse(crossSiteMessage, { status: 403 }), apiContentSecurityPolicy);
  }

  // While the database is known not to answer, a page answers at once with a 503 (a file such as /robots.txt needs no
  // database). The first page that met the outage got the error page; the API keeps asking and clears this when it answers.
  const retryAfter = isFileRequest(pathname) ? undefined : databaseRetryAfterSeconds();
  if (retryAfter !== undefined) {
    const res = new NextResponse(unavailablePage(retryAfter), {
      status: 503,
      headers: {
        "content-type": "text/html; charset=utf-8",
        "retry-after": String(retryAfter),
        "cache-control": "no-store",
      },
    });
    return withHeaders(res, apiContentSecurityPolicy);
  }

  const nonce = randomBytes(16).toString("base64");
  const csp = pageContentSecurityPolicy(nonce, { dev: env.NODE_ENV === "development", https });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const res = hasMalformedEncoding(pathname)
    ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers: requestHeaders } })
    : NextResponse.next({ request: { headers: requestHeaders } });
  return withHeaders(res, csp);
}

function isFileRequest(pathname: string): boolean {
  return /\.[a-z0-9]+$/i.test(pathname);
}

/** A page of its own, no script and no stylesheet: the app's pages and their assets may need what is not answering. */
function unavailablePage(retryAfter: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tidings is unavailable</title></head><body><main><h1>Tidings is unavailable</h1><p>The database is not answering right now. Nothing you had saved is lost; try again in ${retryAfter} second${retryAfter === 1 ? "" : "s"}.</p></main></body></html>`;
}

export const config = {
  // Everything but built assets (served as files, no page or route behind them).
  // Every page; of the API only paths with a percent sign, the only ones whose encoding can be malformed (Next.js
  // matches the raw path). The API's security headers come from next.config.ts's headers(), without a proxy run.
  matcher: ["/((?!_next/static|_next/image|api/).*)", "/api/(.*%.*)"],
};
