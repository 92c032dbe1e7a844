import type { NextConfig } from "next";
import { apiContentSecurityPolicy, commonSecurityHeaders } from "./lib/http/security-headers";

const headerList = (headers: Record<string, string>) => Object.entries(headers).map(([key, value]) => ({ key, value }));
const plain = commonSecurityHeaders(false);
const overHttpsOnly = Object.fromEntries(Object.entries(commonSecurityHeaders(true)).filter(([k]) => !(k in plain)));

// PGlite must stay external: bundled, its wasm URL is rewritten and ~15 MB of wasm ships as static files.
const nextConfig: NextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "proper-lockfile"],
  poweredByHeader: false,
  // The API's security headers. Pages get theirs (with a fresh CSP nonce) from proxy.ts, which the API skips unless
  // its path holds a percent sign (a malformed one is answered there): running the proxy costs every request time.
  // HSTS only when a TLS-terminating proxy says the request came over HTTPS (lib/http/security-headers.ts isHttps).
  headers: () =>
    Promise.resolve([
      {
        source: "/api/:path*",
        headers: headerList({ ...plain, "content-security-policy": apiContentSecurityPolicy }),
      },
      {
        source: "/api/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https(\\s*,.*)?" }],
        headers: headerList(overHttpsOnly),
      },
    ]),
  typedRoutes: false,
  // Server actions: Next.js accepts an Origin naming the request's own host; APP_URL's host too (behind a proxy that
  // does not forward the host). proxy.ts refuses other origins first, with a 403.
  experimental: {
    serverActions: { allowedOrigins: process.env.APP_URL ? [new URL(process.env.APP_URL).host] : [] },
  },
  // The embedded database runs in a worker thread that Node.js loads from lib/data/db/pglite-worker.ts (with the
  // modules it imports), and migrates itself on start from prisma/migrations (lib/data/db/migrate.ts reads them at
  // run time): all outside the bundler's view, so ship exactly those files with the server, not the whole project.
  outputFileTracingIncludes: {
    "/**": [
      "./prisma/migrations/**/*",
      "./prisma/schema.prisma",
      "./lib/data/db/pglite-worker.ts",
      "./lib/data/db/pglite-wire.ts",
      "./lib/data/db/pglite-prepared.ts",
      "./lib/data/db/migrate.ts",
      "./node_modules/@prisma/schema-engine-wasm/schema_engine_bg.{js,wasm}",
      "./node_modules/@prisma/driver-adapter-utils/**/*",
    ],
  },
};
export default nextConfig;
