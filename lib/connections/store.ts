import "server-only";
import { randomUUID } from "node:crypto";
import { connectionTokenContext, encryptSecret } from "@/lib/crypto/token-cipher";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { VerifiedOutcome } from "@/lib/providers/tailscale/outcomes";
import { tokenHint } from "@/lib/providers/tailscale/fields";
import { AUDIT_EVENT_TYPES, type AuditDetail, type AuditEventType } from "./audit";

export const TAILSCALE_PROVIDER = "tailscale-api-key";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

export async function recordAuditEvent(
  tx: Tx | ReturnType<typeof db>,
  event: { userId: string; connectionId: string | null; actorId: string | null; type: AuditEventType; outcome?: string | null; detail?: AuditDetail },
) {
  await tx.auditEvent.create({
    data: { userId: event.userId, connectionId: event.connectionId, actorId: event.actorId, type: event.type, outcome: event.outcome ?? null, detail: event.detail ?? undefined },
  });
}

/**
 * Waiting for a pooled connection (PostgreSQL: 10) must not fail a Connect that Tailscale has just
 * verified: Prisma's default maxWait of 2 s did, under load (P2028 in the benchmark at concurrency 32).
 */
const SAVE_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 10_000 };

/** `previousKeyId` (the key the save replaced) is known only when rotating (`expectConnectionId`). */
export type SavedConnection = { id: string; created: boolean; previousKeyId: string | null };

type SaveInput = {
  userId: string;
  token: string;
  verified: VerifiedOutcome;
  /** When rotating: the connection that must be the one updated. */
  expectConnectionId?: string;
  eventType?: AuditEventType;
};

/**
 * Creates or updates the person's connection to a verified tailnet, together with its audit
 * event. One row per person and canonical tailnet id: reconnecting (or rotating) replaces the
 * token; concurrent saves of the same tailnet (a double click) meet on the unique key and leave
 * one row.
 *
 * Connecting is one statement (the upsert and the event in one `WITH`), atomic on its own and
 * one round trip: the Connect button waits on it. Rotating first locks the row in a transaction,
 * to check it is the expected connection and to learn, after any concurrent rotation has
 * committed, which key it replaces (that key is revoked next).
 */
export async function saveVerifiedConnection(input: SaveInput): Promise<SavedConnection | { mismatch: true }> {
  const upsert = upsertWithEvent(input);
  if (!input.expectConnectionId) {
    const [row] = await db().$queryRaw<UpsertRow[]>(upsert);
    return { id: row!.id, created: Boolean(row!.inserted), previousKeyId: null };
  }
  const expected = input.expectConnectionId;
  const canonical = input.verified.canonicalTailnetId;
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string; keyId: string | null }>>`
      SELECT "id", "keyId" FROM "Connection"
      WHERE "userId" = ${input.userId} AND "provider" = ${TAILSCALE_PROVIDER} AND "canonicalTailnetId" = ${canonical}
      FOR UPDATE`;
    if (locked?.id !== expected) return { mismatch: true as const };
    const [row] = await tx.$queryRaw<UpsertRow[]>(upsert);
    return { id: row!.id, created: Boolean(row!.inserted), previousKeyId: locked.keyId };
  }, SAVE_TRANSACTION_OPTIONS);
}

type UpsertRow = { id: string; inserted: boolean };

/**
 * The insert-or-update of the connection and the insert of its audit event, as one statement.
 * `xmax = 0` tells a fresh row from an updated one (created vs reconnected).
 */
function upsertWithEvent(input: SaveInput): Prisma.Sql {
  const { userId, token, verified } = input;
  const canonical = verified.canonicalTailnetId;
  const sealed = encryptSecret(token, connectionTokenContext({ userId, provider: TAILSCALE_PROVIDER, canonicalTailnetId: canonical }));
  const now = new Date();
  const description = verified.description?.slice(0, 200) ?? null;
  const createdAt = verified.created ? new Date(verified.created) : null;
  const expiresAt = verified.expires ? new Date(verified.expires) : null;
  const detail: AuditDetail = { keyId: verified.keyId, tailnet: verified.tailnet, deviceCount: verified.deviceCount, expires: verified.expires };
  return Prisma.sql`
    WITH "saved" AS (
      INSERT INTO "Connection" ("id", "userId", "provider", "canonicalTailnetId", "tailnet", "keyId", "tokenCiphertext", "tokenKeyId", "tokenHint",
        "tokenDescription", "tokenCreatedAt", "tokenExpiresAt", "lastVerifiedAt", "lastCheckedAt", "lastOutcome", "deviceCount", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${userId}, ${TAILSCALE_PROVIDER}, ${canonical}, ${verified.tailnet}, ${verified.keyId}, ${sealed.envelope}, ${sealed.keyId},
        ${tokenHint(token)}, ${description}, ${createdAt}, ${expiresAt}, ${now}, ${now}, 'verified', ${verified.deviceCount}, ${now}, ${now})
      ON CONFLICT ("userId", "provider", "canonicalTailnetId") DO UPDATE SET
        "tailnet" = EXCLUDED."tailnet", "keyId" = EXCLUDED."keyId", "tokenCiphertext" = EXCLUDED."tokenCiphertext", "tokenKeyId" = EXCLUDED."tokenKeyId",
        "tokenHint" = EXCLUDED."tokenHint", "tokenDescription" = EXCLUDED."tokenDescription", "tokenCreatedAt" = EXCLUDED."tokenCreatedAt",
        "tokenExpiresAt" = EXCLUDED."tokenExpiresAt", "lastVerifiedAt" = EXCLUDED."lastVerifiedAt", "lastCheckedAt" = EXCLUDED."lastCheckedAt",
        "lastOutcome" = 'verified', "deviceCount" = EXCLUDED."deviceCount", "disconnectedAt" = NULL, "notifiedStatus" = NULL, "updatedAt" = EXCLUDED."updatedAt"
      RETURNING "id", (xmax = 0) AS "inserted"
    ), "event" AS (
      INSERT INTO "AuditEvent" ("id", "userId", "connectionId", "actorId", "type", "outcome", "detail", "createdAt")
      SELECT ${randomUUID()}, ${userId}, "saved"."id", ${userId},
        COALESCE(${input.eventType ?? null}::text, CASE WHEN "saved"."inserted" THEN ${AUDIT_EVENT_TYPES.created} ELSE ${AUDIT_EVENT_TYPES.reconnected} END),
        'verified', ${JSON.stringify(detail)}::jsonb, ${now}
      FROM "saved"
    )
    SELECT "id", "inserted" FROM "saved"`;
}
