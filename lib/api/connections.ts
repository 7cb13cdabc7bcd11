import "server-only";
import { AUDIT_EVENT_TYPES } from "@/lib/connections/audit";
import { metaOf, openCredentials } from "@/lib/connections/credentials";
import { disconnectConnection } from "@/lib/connections/disconnect";
import { scopesOf, storedCredentialFields } from "@/lib/connections/queries";
import { reverifyConnection } from "@/lib/connections/reverify";
import { deriveConnectionStatus, type ConnectionStatus } from "@/lib/connections/status";
import { recordAuditEvent } from "@/lib/connections/store";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { getProvider } from "@/lib/providers";
import { apiError } from "./errors";
import type { ApiCaller } from "./key-auth";
import { RECONNECT_STATUSES, credentialsSchema, type ApiConnection } from "./schemas";

/*
 * The connections resource: what a key's owner may see (their account's connections, end users'
 * included), in the API's words. Re-verify and disconnect are the very functions the pages use.
 */

export const apiFields = {
  id: true,
  provider: true,
  endUserId: true,
  externalId: true,
  label: true,
  expiresAt: true,
  lastVerifiedAt: true,
  lastOutcome: true,
  disconnectedAt: true,
  scopes: true,
  meta: true,
  createdAt: true,
  updatedAt: true,
} as const;

export type ApiRow = Prisma.ConnectionGetPayload<{ select: typeof apiFields }>;

export function toApiConnection(row: ApiRow, now = new Date()): ApiConnection {
  const meta = metaOf(row.meta);
  const scopes = scopesOf(row.scopes);
  const status: ConnectionStatus = deriveConnectionStatus(row, now);
  return {
    id: row.id,
    provider: row.provider,
    endUser: row.endUserId ? { id: row.endUserId } : null,
    tailnet: typeof meta.tailnet === "string" ? meta.tailnet : row.label,
    tailnetId: row.externalId,
    label: row.label,
    status,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    lastVerifiedAt: row.lastVerifiedAt?.toISOString() ?? null,
    deviceCount: typeof meta.deviceCount === "number" ? meta.deviceCount : null,
    scopes,
    reconnect: reconnectHint(row.id, row.endUserId, status),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Only an end user's connection (made through a connect session) has a reconnect link to make:
 * the host sends its user a fresh session for this very connection (Nango #6849).
 */
function reconnectHint(id: string, endUserId: string | null, status: ConnectionStatus): ApiConnection["reconnect"] {
  const reason = RECONNECT_STATUSES.find((s) => s === status);
  if (!endUserId || !reason) return null;
  return {
    reason,
    createSession: {
      method: "POST",
      path: "/api/v1/connect-sessions",
      body: { endUser: { id: endUserId }, connectionId: id },
    },
  };
}

/** Ids are opaque; anything longer than any id we make cannot be one. */
// Ids are UUIDs (or cuids); anything else is no one's, and never reaches the database (a NUL byte
// would be a driver error).
const plausibleId = (id: string) => /^[A-Za-z0-9_-]{1,100}$/.test(id);

export async function findApiConnection(caller: ApiCaller, id: string): Promise<ApiRow | null> {
  if (!plausibleId(id)) return null;
  return db().connection.findFirst({ where: { id, userId: caller.ownerId }, select: apiFields });
}

/* Cursor paging, newest first: the cursor names the last row returned (its creation time and id). */
type Cursor = { createdAt: Date; id: string };

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id]), "utf8").toString("base64url");
}

export function decodeCursor(text: string): Cursor | null {
  try {
    const value = JSON.parse(Buffer.from(text, "base64url").toString("utf8")) as unknown;
    if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string" || typeof value[1] !== "string")
      return null;
    const createdAt = new Date(value[0]);
    if (Number.isNaN(createdAt.getTime()) || !plausibleId(value[1])) return null;
    return { createdAt, id: value[1] };
  } catch {
    return null;
  }
}

const SCAN_BATCH = 200;

/**
 * One page. Status is derived, not stored, so a status filter reads rows in order and keeps the
 * matching ones until the page is full (bounded by the owner's connection count).
 */
export async function listApiConnections(
  caller: ApiCaller,
  filters: { endUserId?: string; status?: ConnectionStatus; provider?: string; limit: number; cursor: Cursor | null },
  now = new Date(),
): Promise<{ data: ApiConnection[]; nextCursor: string | null }> {
  const base: Prisma.ConnectionWhereInput = {
    userId: caller.ownerId,
    ...(filters.endUserId ? { endUserId: filters.endUserId } : {}),
    ...(filters.provider ? { provider: filters.provider } : {}),
    ...(filters.status === "disconnected"
      ? { disconnectedAt: { not: null } }
      : filters.status
        ? { disconnectedAt: null }
        : {}),
  };
  const found: ApiRow[] = [];
  let after = filters.cursor;
  for (;;) {
    const batchSize = filters.status ? SCAN_BATCH : filters.limit + 1;
    const rows = await db().connection.findMany({
      where: after
        ? {
            AND: [
              base,
              { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] },
            ],
          }
        : base,
      select: apiFields,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: batchSize,
    });
    for (const row of rows) {
      if (!filters.status || deriveConnectionStatus(row, now) === filters.status) found.push(row);
      if (found.length > filters.limit) break;
    }
    if (found.length > filters.limit || rows.length < batchSize) break;
    after = rows[rows.length - 1]!;
  }
  const page = found.slice(0, filters.limit);
  const more = found.length > filters.limit;
  return {
    data: page.map((r) => toApiConnection(r, now)),
    nextCursor: more ? encodeCursor(page[page.length - 1]!) : null,
  };
}

export async function verifyApiConnection(caller: ApiCaller, id: string): Promise<Response | ApiConnection> {
  if (!plausibleId(id)) return apiError("not_found", "No connection with this id is visible to this API key.");
  const result = await reverifyConnection({ connectionId: id, userId: caller.ownerId });
  if (result.kind === "not_found")
    return apiError("not_found", "No connection with this id is visible to this API key.");
  if (result.kind === "disconnected")
    return apiError("connection_unusable", "This connection is disconnected: it has no credential to verify.");
  const row = await findApiConnection(caller, id);
  if (!row) return apiError("not_found", "No connection with this id is visible to this API key.");
  return toApiConnection(row);
}

export async function disconnectApiConnection(
  caller: ApiCaller,
  id: string,
  revoke: boolean,
): Promise<Response | null> {
  if (!plausibleId(id)) return apiError("not_found", "No connection with this id is visible to this API key.");
  const result = await disconnectConnection({ userId: caller.ownerId, connectionId: id, revokeAtTailscale: revoke });
  if (result.kind === "not_found")
    return apiError("not_found", "No connection with this id is visible to this API key.");
  // Already disconnected: the end state asked for holds; DELETE is idempotent.
  return null;
}

/** The credential, for a host backend; every read is an audit event naming the key. */
export async function readApiCredentials(caller: ApiCaller, id: string): Promise<Response> {
  if (!plausibleId(id)) return apiError("not_found", "No connection with this id is visible to this API key.");
  const row = await db().connection.findFirst({
    where: { id, userId: caller.ownerId },
    select: { ...storedCredentialFields, id: true, scopes: true, expiresAt: true },
  });
  if (!row) return apiError("not_found", "No connection with this id is visible to this API key.");
  const provider = getProvider(row.provider);
  if (row.disconnectedAt || !row.credentialCiphertext || !provider?.apiCredentials) {
    return apiError(
      "connection_unusable",
      "This connection has no credential to hand out (it is disconnected, or its provider keeps it).",
    );
  }
  const credentials = openCredentials(row);
  if (!credentials) return apiError("connection_unusable", "This connection has no credential to hand out.");
  const scopes = scopesOf(row.scopes);
  const body = credentialsSchema.parse(
    provider.apiCredentials(credentials, { expiresAt: row.expiresAt, scopes, meta: metaOf(row.meta) }),
  );
  // Recorded before the secret leaves: a read that cannot be recorded does not happen.
  await recordAuditEvent(db(), {
    userId: row.userId,
    connectionId: row.id,
    actorId: row.userId,
    type: AUDIT_EVENT_TYPES.credentialsRead,
    outcome: body.type,
    detail: { apiKeyId: caller.keyId, apiKeyName: caller.name, apiKeyPrefix: caller.prefix },
  });
  return new Response(JSON.stringify(body), {
    status: 200,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", pragma: "no-cache" },
  });
}
