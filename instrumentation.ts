// Runs once when the server starts. Node-only work lives in instrumentation-node.ts, imported inside this
// check so the Edge build never bundles it (argon2, PGlite and the job runtime cannot run there).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { exitOnInvalidEnvironment } = await import("./instrumentation-env");
    await exitOnInvalidEnvironment();
    const { startNodeRuntime } = await import("./instrumentation-node");
    await startNodeRuntime();
  }
}
