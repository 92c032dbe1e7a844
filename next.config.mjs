// PGlite must stay external: bundled, its wasm URL is rewritten and ~15 MB of wasm ships as static files.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "proper-lockfile"],
  poweredByHeader: false,
  typedRoutes: false,
  // Server actions: Next.js accepts an Origin naming the request's own host; APP_URL's host too (behind a proxy that
  // does not forward the host). proxy.ts refuses other origins first, with a 403.
  experimental: {
    serverActions: { allowedOrigins: process.env.APP_URL ? [new URL(process.env.APP_URL).host] : [] },
  },
  // The embedded database migrates itself on start from prisma/migrations (lib/data/db/migrate.ts reads them at run
  // time, outside the bundler's view): ship exactly those files with the server, not the whole project.
  outputFileTracingIncludes: {
    "/**": [
      "./prisma/migrations/**/*",
      "./prisma/schema.prisma",
      "./node_modules/@prisma/schema-engine-wasm/schema_engine_bg.wasm",
    ],
  },
};
export default nextConfig;
