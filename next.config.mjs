// PGlite must stay external: bundled, its wasm URL is rewritten and ~15 MB of wasm ships as static files.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "proper-lockfile"],
  poweredByHeader: false,
  typedRoutes: false,
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
