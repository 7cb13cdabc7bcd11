import type { RateLimitRule } from "@/lib/config/rate-limit-rule";
import { BUCKET_UPSERT, countAttempt, verdict, type RateLimitResult, type RawQuery } from "@/lib/rate-limit/statement";
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

type KeyRow = {
  id: string;
  userId: string;
  name: string;
  prefix: string;
  keyHash: string;
  scopes: unknown;
  lastUsedMs: number | null;
};
const KEY_COLUMNS = `"id", "userId", "name", "prefix", "keyHash", "scopes", (extract(epoch FROM "lastUsedAt") * 1000)::float8 AS "lastUsedMs"`;
const unauthenticated: ApiAuthFailure = { ok: false, code: "unauthenticated", message: MESSAGES.unauthenticated };

export async function authenticateApiKey(
  query: RawQuery,
  authorization: string | null | undefined,
  rule: RateLimitRule,
  now = Date.now(),
): Promise<ApiAuthResult> {
  const key = bearerKey(authorization);
  if (!key) return unauthenticated;
  const hash = hashApiKey(key);
  const [row] = await query<KeyRow>(
    `SELECT ${KEY_COLUMNS} FROM "ApiKey" WHERE "keyHash" = $1 AND "revokedAt" IS NULL`,
    [hash],
  );
  if (!row || !hashesEqual(row.keyHash, hash)) return unauthenticated;
  return admitted(query, row, await countAttempt(query, "api", rule, [`key:${row.id}`], now), now);
}

function admitted(query: RawQuery, row: KeyRow, limited: RateLimitResult, now: number): ApiAuthResult {
  if (!limited.ok) {
    return {
      ok: false,
      code: "rate_limited",
      message: MESSAGES.rateLimited(limited.retryAfterSeconds),
      headers: { "retry-after": String(limited.retryAfterSeconds) },
    };
  }
  // "Last used" to the minute: one write a minute per key, not one per request, and never waited for.
  if (row.lastUsedMs === null || now - Number(row.lastUsedMs) > LAST_USED_EVERY_MS) {
    void query(`UPDATE "ApiKey" SET "lastUsedAt" = $2::timestamp(3) WHERE "id" = $1`, [
      row.id,
      new Date(now).toISOString(),
    ]).catch(() => undefined);
  }
  const scopes = scopesOf(typeof row.scopes === "string" ? (JSON.parse(row.scopes) as unknown) : row.scopes);
  return { ok: true, caller: { keyId: row.id, ownerId: row.userId, name: row.name, prefix: row.prefix, scopes } };
}

/** The columns of a connection the proxy needs, as the one statement below returns them. */
export type ProxyConnectionRow = {
  id: string;
  userId: string;
  provider: string;
  externalId: string;
  label: string;
  meta: unknown;
  credentialCiphertext: string | null;
  disconnectedAt: unknown;
};

/**
 * The proxy's hot path in one round trip (docs/decisions/0007-host-app-api.md): the key looked up
 * by its hash, counted against its limit exactly as `countAttempt` counts (same buckets, same
 * SQL), and the connection read with the owner in the query, all in one statement. Each of the
 * three as its own statement was three round trips and three commits per proxied call.
 *
 * The statement commits with `synchronous_commit` off (for this transaction only): what it
 * writes is the rate-limit count, and a crash of PostgreSQL loses at most its last fraction of a
 * second of counts, never anything else, whereas waiting for the WAL flush on every proxied call
 * was most of the proxy's overhead. A connection id that cannot be one is sent as NULL (no row).
 */
export async function authenticateProxyCall(
  query: RawQuery,
  authorization: string | null | undefined,
  rule: RateLimitRule,
  connectionId: string | null,
  now = Date.now(),
): Promise<{ ok: true; caller: ApiCaller; connection: ProxyConnectionRow | null } | ApiAuthFailure> {
  const key = bearerKey(authorization);
  if (!key) return unauthenticated;
  const hash = hashApiKey(key);
  const at = new Date(now).toISOString();
  const until = new Date(now + rule.windowMs).toISOString();
  const [row] = await query<
    KeyRow & { count: number | bigint | null; expiresAtMs: number | string | null; connection: unknown }
  >(
    `WITH "key" AS (SELECT ${KEY_COLUMNS} FROM "ApiKey" WHERE "keyHash" = $3 AND "revokedAt" IS NULL),
    "bucket" AS (
      INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
      SELECT $5 || "key"."id", $1::timestamp(3), 1, $2::timestamp(3) FROM "key"
      ${BUCKET_UPSERT}
    ),
    "connection" AS (
      SELECT "id", "userId", "provider", "externalId", "label", "meta", "credentialCiphertext", "disconnectedAt"
      FROM "Connection" WHERE "id" = $4 AND "userId" = (SELECT "userId" FROM "key")
    )
    SELECT "key".*, "bucket"."count", "bucket"."expiresAtMs", to_jsonb("connection") AS "connection",
      set_config('synchronous_commit', 'off', true) AS "asyncCommit"
    FROM "key" LEFT JOIN "bucket" ON true LEFT JOIN "connection" ON true`,
    [at, until, hash, connectionId, "api:key:"],
  );
  if (!row || !hashesEqual(row.keyHash, hash)) return unauthenticated;
  const counted =
    row.count === null || row.expiresAtMs === null ? [] : [{ count: row.count, expiresAtMs: row.expiresAtMs }];
  const auth = admitted(query, row, verdict(counted, rule, now), now);
  if (!auth.ok) return auth;
  const connection = typeof row.connection === "string" ? (JSON.parse(row.connection) as unknown) : row.connection;
  return {
    ok: true,
    caller: auth.caller,
    connection: connection && typeof connection === "object" ? (connection as ProxyConnectionRow) : null,
  };
}

export function scopeRefusal(caller: ApiCaller, scope: ApiScope): ApiAuthFailure | null {
  return caller.scopes.includes(scope)
    ? null
    : { ok: false, code: "insufficient_scope", message: MESSAGES.insufficientScope(scope) };
}
