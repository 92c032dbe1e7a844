// Auth.js builds its callback URLs (the OAuth redirect_uri, the token exchange's) from the request URL, which
// `next start` may report as localhost behind a proxy or a bound address: use APP_URL's origin, as AUTH_URL would.
import "server-only";
import { NextRequest } from "next/server";
import { env } from "@/lib/env";

type Handler = (req: NextRequest) => Promise<Response>;

export function atAppOrigin(handler: Handler): Handler {
  const appOrigin = new URL(env.APP_URL).origin;
  return (req) => {
    const { origin, href } = new URL(req.url);
    return handler(origin === appOrigin ? req : new NextRequest(href.replace(origin, appOrigin), req));
  };
}
