// Fail fast: the environment is validated before anything else starts, and an invalid one stops the process with
// the reason. Left to lib/env.ts's import, the error would only fail Next's prepare step, and `next start` would go
// on answering every request with a 500.
export async function exitOnInvalidEnvironment(): Promise<void> {
  try {
    await import("./lib/env");
  } catch (error) {
    console.error(`${(error as Error).message}\nThe server did not start: fix the variables above and start it again.`);
    process.exit(1);
  }
}
