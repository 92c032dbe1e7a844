// When a failed delivery is tried again (the Standard Webhooks recommendation), and when an endpoint gives up.

/** Delay before attempt n+1 after attempt n failed (n = 1…7); after the 8th failure the delivery is DEAD. */
export const RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** An endpoint whose deliveries have failed with no success in between for this long is turned off. */
export const AUTO_DISABLE_AFTER_MS = 5 * 86_400_000;

/** Delivery logs older than this are removed by the cleanup. */
export const DELIVERY_LOG_RETENTION_MS = 30 * 86_400_000;

/** When to try again after `attempts` attempts all failed; null when there is no attempt left. */
export function nextAttemptAfterFailure(attempts: number, now: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay);
}

/**
 * While an attempt runs its delivery is leased past the attempt's timeout: if the process dies mid-attempt, the
 * sweep finds it due again when the lease ends.
 */
export const leaseUntil = (now: Date, timeoutMs: number) => new Date(now.getTime() + timeoutMs + 30_000);
