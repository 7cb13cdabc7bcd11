import "server-only";
import { getSettings } from "@/lib/config/settings";
import { db } from "@/lib/db";
import { countAttempt, type RateLimitResult } from "./statement";

export type RateLimitName = "signIn" | "signUp" | "connect" | "reverify" | "passwordReset" | "api";

export type { RateLimitResult } from "./statement";

/**
 * Counts one attempt against each key (e.g. `account:<id>` and `address:<ip>`) in the
 * database, so the limit holds across app instances. A key's window opens at its first attempt
 * and lasts the rule's length; refused when any key is over its limit, with the time until the
 * earliest retry will be accepted.
 */
export async function consumeRateLimit(
  name: RateLimitName,
  keys: string[],
  now = Date.now(),
): Promise<RateLimitResult> {
  const rule = getSettings().rateLimits[name];
  const result = await countAttempt((sql, params) => db().$queryRawUnsafe(sql, ...params), name, rule, keys, now);
  if (Math.random() < 0.01) {
    void db()
      .rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } })
      .catch(() => undefined);
  }
  return result;
}
