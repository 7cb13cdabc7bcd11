import "server-only";
import { getSettings } from "@/lib/config/settings";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";

export type RateLimitName = "signIn" | "signUp" | "connect" | "reverify" | "passwordReset";

export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one attempt against each key (e.g. `account:<id>` and `address:<ip>`) in the
 * database, so the limit holds across app instances. A key's window opens at its first attempt
 * and lasts the rule's length; refused when any key is over its limit, with the time until the
 * earliest retry will be accepted.
 */
export async function consumeRateLimit(name: RateLimitName, keys: string[], now = Date.now()): Promise<RateLimitResult> {
  const rule = getSettings().rateLimits[name];
  const at = new Date(now);
  const until = new Date(now + rule.windowMs);
  const unique = [...new Set(keys)].sort();
  if (unique.length === 0) return { ok: true };
  // One statement for every key (one round trip, not one per key). Keys are sorted so two
  // attempts that share keys always lock them in the same order (no deadlock between them).
  const rows = await db().$queryRaw<Array<{ count: number; expiresAt: Date }>>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES ${Prisma.join(unique.map((key) => Prisma.sql`(${`${name}:${key}`}, ${at}, 1, ${until})`))}
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${at} THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${at} THEN ${at} ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${at} THEN ${until} ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  let refusedUntil = 0;
  for (const row of rows) {
    if (Number(row.count) > rule.limit) refusedUntil = Math.max(refusedUntil, new Date(row.expiresAt).getTime());
  }
  if (Math.random() < 0.01) {
    void db().rateLimitBucket.deleteMany({ where: { expiresAt: { lt: at } } }).catch(() => undefined);
  }
  if (refusedUntil > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((refusedUntil - now) / 1000)) };
  return { ok: true };
}

export function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.ceil(minutes / 60)} hours`;
}
