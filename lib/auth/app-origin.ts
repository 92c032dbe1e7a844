// Auth.js builds its callback URLs (the OAuth redirect_uri, the token exchange's) from the request URL, and Next's
// NextRequest reports 127.0.0.1 as localhost: the handlers get a plain Request at APP_URL's origin, as AUTH_URL would.
import "server-only";
import type { NextRequest } from "next/server";
import { env } from "@/lib/env";

type Handler = (req: NextRequest) => Promise<Response>;

export function atAppOrigin(handler: Handler): Handler {
  const appOrigin = new URL(env.APP_URL).origin;
  return async (req) => {
    const { origin, href } = new URL(req.url);
    if (origin === appOrigin) return handler(req);
    const body = req.method === "POST" ? await req.arrayBuffer() : undefined;
    const moved = new Request(href.replace(origin, appOrigin), { method: req.method, headers: req.headers, body });
    // Auth.js reads only the Request side (url, method, headers, body); nextUrl is consulted only with AUTH_URL set.
    return handler(moved as NextRequest);
  };
}
