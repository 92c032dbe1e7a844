// Runs before every page and route (Next.js' proxy, formerly middleware): security headers with a fresh CSP nonce
// per page, CSRF for server actions, and malformed paths answered before Next.js' router fails on them.
import { randomBytes } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
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
    const error = { code: "BAD_REQUEST", message: "The path's percent-encoding is malformed" };
    return withHeaders(NextResponse.json({ error }, { status: 400 }), apiContentSecurityPolicy);
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

export const config = {
  // Everything but built assets (served as files, no page or route behind them).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
