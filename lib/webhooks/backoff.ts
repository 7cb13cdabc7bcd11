/**
 * When a failed delivery is tried again: 8 tries over about a day (23.6 h from the first to the
 * last), each wait longer than the one before, then the delivery is marked failed and shown as
 * such on /settings/webhooks (where it can be sent again by hand).
 */
export const MAX_ATTEMPTS = 8;

/** The wait after the 1st, 2nd, … 7th failed try, in seconds: 1 min, 5 min, 30 min, 1 h, 2 h, 6 h, 14 h. */
export const RETRY_DELAYS_SECONDS = [60, 300, 1800, 3600, 7200, 21_600, 50_400] as const;

/**
 * When the next try is due after `attempts` tries have failed, or null when that was the last.
 * `jitter` (0..1, default random) spreads retries up to 10% later so a receiver that was down
 * is not hit by every waiting delivery at the same second.
 */
export function nextAttemptAfter(attempts: number, now: Date, jitter = Math.random()): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const base = RETRY_DELAYS_SECONDS[Math.max(0, attempts - 1)]!;
  return new Date(now.getTime() + Math.round(base * 1000 * (1 + 0.1 * jitter)));
}
