import "server-only";
import { getSettings } from "@/lib/config/settings";
import { db } from "@/lib/db";

export type RateLimitName = "signIn" | "signUp" | "connect" | "reverify";

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one attempt against each key (e.g. `account:<id>` and `address:<ip>`) in fixed
 * windows stored in the database, so the limit holds across app instances. Refused when any
 * key is over its limit; the answer says when the earliest retry will be accepted.
 */
export async function consumeRateLimit(name: RateLimitName, keys: string[], now = Date.now()): Promise<RateLimitResult> {
  const rule = getSettings().rateLimits[name];
  const windowStart = new Date(Math.floor(now / rule.windowMs) * rule.windowMs);
  const expiresAt = new Date(windowStart.getTime() + rule.windowMs);
  let worst = 0;
  for (const key of new Set(keys)) {
    const rows = await db().$queryRaw<Array<{ count: number }>>`
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
      VALUES (${`${name}:${key}`}, ${windowStart}, 1, ${expiresAt})
      ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitBucket"."count" + 1
      RETURNING "count"`;
    worst = Math.max(worst, Number(rows[0]?.count ?? 0));
  }
  if (Math.random() < 0.01) {
    void db().rateLimitBucket.deleteMany({ where: { expiresAt: { lt: new Date(now) } } }).catch(() => undefined);
  }
  if (worst > rule.limit) {
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)) };
  }
  return { ok: true };
}

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
