// The CLI is used only for `prisma generate`; migrations run through scripts/db.ts (offline wasm engine).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
