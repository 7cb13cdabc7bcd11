import "server-only";
import { randomUUID } from "node:crypto";
import { connectionTokenContext, encryptSecret } from "@/lib/crypto/token-cipher";
import { db } from "@/lib/db";
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

export type SavedConnection = { id: string; created: boolean; previousKeyId: string | null };

/**
 * Creates or updates the person's connection to a verified tailnet, in one transaction with
 * its audit event. One row per person and canonical tailnet id: reconnecting (or rotating)
 * replaces the token; concurrent saves of the same tailnet (a double click) meet on the unique
 * key and leave one row.
 */
export async function saveVerifiedConnection(input: {
  userId: string;
  token: string;
  verified: VerifiedOutcome;
  /** When rotating: the connection that must be the one updated. */
  expectConnectionId?: string;
  eventType?: AuditEventType;
}): Promise<SavedConnection | { mismatch: true }> {
  const { userId, token, verified } = input;
  const canonical = verified.canonicalTailnetId;
  const sealed = encryptSecret(token, connectionTokenContext({ userId, provider: TAILSCALE_PROVIDER, canonicalTailnetId: canonical }));
  const now = new Date();
  const values = {
    tailnet: verified.tailnet,
    keyId: verified.keyId,
    tokenCiphertext: sealed.envelope,
    tokenKeyId: sealed.keyId,
    tokenHint: tokenHint(token),
    tokenDescription: verified.description?.slice(0, 200) ?? null,
    tokenCreatedAt: verified.created ? new Date(verified.created) : null,
    tokenExpiresAt: verified.expires ? new Date(verified.expires) : null,
    lastVerifiedAt: now,
    lastCheckedAt: now,
    lastOutcome: "verified",
    deviceCount: verified.deviceCount,
    disconnectedAt: null,
    notifiedStatus: null,
  };
  return db().$transaction(async (tx) => {
    const existing = await tx.$queryRaw<Array<{ id: string; keyId: string | null; disconnectedAt: Date | null }>>`
      SELECT "id", "keyId", "disconnectedAt" FROM "Connection"
      WHERE "userId" = ${userId} AND "provider" = ${TAILSCALE_PROVIDER} AND "canonicalTailnetId" = ${canonical}
      FOR UPDATE`;
    const row = existing[0];
    if (input.expectConnectionId && row?.id !== input.expectConnectionId) return { mismatch: true as const };
    let id: string;
    let created = false;
    if (row) {
      await tx.connection.update({ where: { id: row.id }, data: values });
      id = row.id;
    } else {
      // A concurrent save may insert between our SELECT and this INSERT: ON CONFLICT makes it an update.
      const inserted = await tx.$queryRaw<Array<{ id: string; inserted: boolean }>>`
        INSERT INTO "Connection" ("id", "userId", "provider", "canonicalTailnetId", "tailnet", "keyId", "tokenCiphertext", "tokenKeyId", "tokenHint",
          "tokenDescription", "tokenCreatedAt", "tokenExpiresAt", "lastVerifiedAt", "lastCheckedAt", "lastOutcome", "deviceCount", "createdAt", "updatedAt")
        VALUES (${randomUUID()}, ${userId}, ${TAILSCALE_PROVIDER}, ${canonical}, ${values.tailnet}, ${values.keyId}, ${values.tokenCiphertext}, ${values.tokenKeyId},
          ${values.tokenHint}, ${values.tokenDescription}, ${values.tokenCreatedAt}, ${values.tokenExpiresAt}, ${now}, ${now}, 'verified', ${values.deviceCount}, ${now}, ${now})
        ON CONFLICT ("userId", "provider", "canonicalTailnetId") DO UPDATE SET
          "tailnet" = EXCLUDED."tailnet", "keyId" = EXCLUDED."keyId", "tokenCiphertext" = EXCLUDED."tokenCiphertext", "tokenKeyId" = EXCLUDED."tokenKeyId",
          "tokenHint" = EXCLUDED."tokenHint", "tokenDescription" = EXCLUDED."tokenDescription", "tokenCreatedAt" = EXCLUDED."tokenCreatedAt",
          "tokenExpiresAt" = EXCLUDED."tokenExpiresAt", "lastVerifiedAt" = EXCLUDED."lastVerifiedAt", "lastCheckedAt" = EXCLUDED."lastCheckedAt",
          "lastOutcome" = 'verified', "deviceCount" = EXCLUDED."deviceCount", "disconnectedAt" = NULL, "notifiedStatus" = NULL, "updatedAt" = EXCLUDED."updatedAt"
        RETURNING "id", (xmax = 0) AS "inserted"`;
      id = inserted[0]!.id;
      created = Boolean(inserted[0]!.inserted);
    }
    const type = input.eventType ?? (created ? AUDIT_EVENT_TYPES.created : AUDIT_EVENT_TYPES.reconnected);
    await recordAuditEvent(tx, {
      userId,
      connectionId: id,
      actorId: userId,
      type,
      outcome: "verified",
      detail: { keyId: verified.keyId, tailnet: verified.tailnet, deviceCount: verified.deviceCount, expires: verified.expires },
    });
    return { id, created, previousKeyId: row?.keyId ?? null };
  }, SAVE_TRANSACTION_OPTIONS);
}
