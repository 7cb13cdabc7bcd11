import type { RateLimitRule } from "@/lib/config/rate-limit-rule";
import { countAttempt, type RawQuery } from "@/lib/rate-limit/statement";
import { bearerKey, hashApiKey, hashesEqual } from "./key-format";
import { scopesOf, type ApiScope } from "./scopes";
import { MESSAGES, type ApiErrorCode } from "./errors";

/*
 * Authenticating one API request: the bearer key, looked up by its hash (no cache, so a revoked
 * key fails on the next request), compared in constant time, then counted against its rate
 * limit. Takes a raw query function so that the route handlers (Prisma) and the proxy in
 * server.ts (the engine's raw connection) share it; no `server-only` for that reason.
 */
export type ApiCaller = { keyId: string; ownerId: string; name: string; prefix: string; scopes: ApiScope[] };

export type ApiAuthFailure = { ok: false; code: ApiErrorCode; message: string; headers?: Record<string, string> };
export type ApiAuthResult = { ok: true; caller: ApiCaller } | ApiAuthFailure;

const LAST_USED_EVERY_MS = 60_000;

export async function authenticateApiKey(query: RawQuery, authorization: string | null | undefined, rule: RateLimitRule, now = Date.now()): Promise<ApiAuthResult> {
  const key = bearerKey(authorization);
  if (!key) return { ok: false, code: "unauthenticated", message: MESSAGES.unauthenticated };
  const hash = hashApiKey(key);
  const [row] = await query<{ id: string; userId: string; name: string; prefix: string; keyHash: string; scopes: unknown; lastUsedMs: number | null }>(
    `SELECT "id", "userId", "name", "prefix", "keyHash", "scopes", (extract(epoch FROM "lastUsedAt") * 1000)::float8 AS "lastUsedMs"
     FROM "ApiKey" WHERE "keyHash" = $1 AND "revokedAt" IS NULL`,
    [hash],
  );
  if (!row || !hashesEqual(row.keyHash, hash)) return { ok: false, code: "unauthenticated", message: MESSAGES.unauthenticated };

  const limited = await countAttempt(query, "api", rule, [`key:${row.id}`], now);
  if (!limited.ok) {
    return { ok: false, code: "rate_limited", message: MESSAGES.rateLimited(limited.retryAfterSeconds), headers: { "retry-after": String(limited.retryAfterSeconds) } };
  }
  // "Last used" to the minute: one write a minute per key, not one per request, and never waited for.
  if (row.lastUsedMs === null || now - Number(row.lastUsedMs) > LAST_USED_EVERY_MS) {
    void query(`UPDATE "ApiKey" SET "lastUsedAt" = $2::timestamp(3) WHERE "id" = $1`, [row.id, new Date(now).toISOString()]).catch(() => undefined);
  }
  const scopes = scopesOf(typeof row.scopes === "string" ? (JSON.parse(row.scopes) as unknown) : row.scopes);
  return { ok: true, caller: { keyId: row.id, ownerId: row.userId, name: row.name, prefix: row.prefix, scopes } };
}

export function scopeRefusal(caller: ApiCaller, scope: ApiScope): ApiAuthFailure | null {
  return caller.scopes.includes(scope) ? null : { ok: false, code: "insufficient_scope", message: MESSAGES.insufficientScope(scope) };
}
