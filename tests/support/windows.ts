// Fixed rate-limit windows in Upstash are numbered from the Unix epoch (bucket = floor(now / window)), so hits a few
// milliseconds apart can straddle two windows. Tests that count hits within one window start well inside one.

/** Waits, if fewer than `marginMs` are left in the current epoch-aligned window, until the next one begins. */
export async function awayFromWindowEdge(windowSeconds: number, marginMs: number): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < marginMs) await new Promise((resolve) => setTimeout(resolve, left + 20));
}
