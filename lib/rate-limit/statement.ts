import type { RateLimitRule } from "@/lib/config/rate-limit-rule";

/*
 * The rate-limit statement, in plain SQL with positional parameters so that both the Prisma
 * client (lib/rate-limit) and the proxy's raw connection (server.ts, outside Next's bundles)
 * count in the same buckets. No `server-only` for that reason.
 */
export type RateLimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };
export type RawQuery = <Row>(sql: string, params: unknown[]) => Promise<Row[]>;

/**
 * Counts one attempt against each key in one statement. Keys are sorted so two attempts that
 * share keys lock them in the same order (no deadlock). Times travel as ISO text and come back
 * as epoch milliseconds: the column has no time zone and drivers read it differently.
 */
export async function countAttempt(
  query: RawQuery,
  name: string,
  rule: RateLimitRule,
  keys: string[],
  now: number,
): Promise<RateLimitResult> {
  const unique = [...new Set(keys)].sort();
  if (unique.length === 0) return { ok: true };
  const at = new Date(now).toISOString();
  const until = new Date(now + rule.windowMs).toISOString();
  const values = unique.map((_, i) => `($${i + 3}, $1::timestamp(3), 1, $2::timestamp(3))`).join(", ");
  const rows = await query<{ count: number | bigint; expiresAtMs: number | string }>(
    `INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES ${values}
    ${BUCKET_UPSERT}`,
    [at, until, ...unique.map((key) => `${name}:${key}`)],
  );
  return verdict(rows, rule, now);
}

/**
 * The counting half of the statement, after the rows to insert: `$1` is now, `$2` the end of a
 * new window (ISO text). Exported so a statement that also does other work (the API proxy's one
 * round trip, lib/api/key-auth.ts) counts exactly as this one does.
 */
export const BUCKET_UPSERT = `ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= $1::timestamp(3) THEN 1 ELSE "RateLimitBucket"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimitBucket"."expiresAt" <= $1::timestamp(3) THEN $1::timestamp(3) ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= $1::timestamp(3) THEN $2::timestamp(3) ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count"::int AS "count", (extract(epoch FROM "expiresAt") * 1000)::float8 AS "expiresAtMs"`;

/** Refused when any bucket is over the limit, until the latest of them ends. */
export function verdict(
  rows: Array<{ count: number | bigint; expiresAtMs: number | string }>,
  rule: RateLimitRule,
  now: number,
): RateLimitResult {
  let refusedUntil = 0;
  for (const row of rows) {
    if (Number(row.count) > rule.limit) refusedUntil = Math.max(refusedUntil, Number(row.expiresAtMs));
  }
  if (refusedUntil > 0) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((refusedUntil - now) / 1000)) };
  return { ok: true };
}
