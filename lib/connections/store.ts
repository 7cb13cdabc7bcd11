import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import type { Credentials, Provider, VerifiedCredential } from "@/lib/providers/types";
import { kickOutboxWorker } from "@/lib/webhooks/kick";
import { enqueueConnectionEvent } from "@/lib/webhooks/outbox";
import { AUDIT_EVENT_TYPES, type AuditDetail, type AuditEventType } from "./audit";
import { CREDENTIAL_FORMAT, sealCredentials } from "./credentials";

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

/** `previousCredentialId` (the credential the save replaced) is known only when rotating (`expectConnectionId`). */
export type SavedConnection = { id: string; created: boolean; previousCredentialId: string | null };

type SaveInput = {
  userId: string;
  provider: Provider;
  credentials: Credentials;
  verified: VerifiedCredential;
  /** When rotating: the connection that must be the one updated. */
  expectConnectionId?: string;
  eventType?: AuditEventType;
};

/**
 * Creates or updates the person's connection to what a provider verified, together with its audit
 * event. One row per person, provider and external id: reconnecting (or rotating) replaces the
 * credential; concurrent saves of the same tailnet (a double click) meet on the unique key and
 * leave one row.
 *
 * Connecting is one transaction: the upsert and the audit event in one `WITH` statement, then the
 * webhook messages for the change (lib/webhooks/outbox.ts), so a crash never loses or invents an
 * event. Rotating first locks the row in a transaction,
 * to check it is the expected connection and to learn, after any concurrent rotation has
 * committed, which credential it replaces (that one is revoked next).
 */
export async function saveVerifiedConnection(input: SaveInput): Promise<SavedConnection | { mismatch: true }> {
  const upsert = upsertWithEvent(input);
  if (!input.expectConnectionId) {
    const saved = await db().$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<UpsertRow[]>(upsert);
      const created = Boolean(row!.inserted);
      const queued = await enqueueConnectionEvent(tx, {
        connectionId: row!.id,
        type: created ? "connection.created" : "connection.updated",
        reason: created ? "created" : "reconnected",
      });
      return { id: row!.id, created, previousCredentialId: null, queued };
    }, SAVE_TRANSACTION_OPTIONS);
    if (saved.queued > 0) kickOutboxWorker();
    return { id: saved.id, created: saved.created, previousCredentialId: null };
  }
  const expected = input.expectConnectionId;
  const externalId = input.verified.externalId;
  const saved = await db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<Array<{ id: string; credentialId: string | null }>>`
      SELECT "id", "credentialId" FROM "Connection"
      WHERE "userId" = ${input.userId} AND "provider" = ${input.provider.id} AND "externalId" = ${externalId}
      FOR UPDATE`;
    if (locked?.id !== expected) return { mismatch: true as const };
    const [row] = await tx.$queryRaw<UpsertRow[]>(upsert);
    const queued = await enqueueConnectionEvent(tx, { connectionId: row!.id, type: "connection.updated", reason: "rotated" });
    return { id: row!.id, created: Boolean(row!.inserted), previousCredentialId: locked.credentialId, queued };
  }, SAVE_TRANSACTION_OPTIONS);
  if ("mismatch" in saved) return saved;
  if (saved.queued > 0) kickOutboxWorker();
  return { id: saved.id, created: saved.created, previousCredentialId: saved.previousCredentialId };
}

type UpsertRow = { id: string; inserted: boolean };

/**
 * The insert-or-update of the connection and the insert of its audit event, as one statement.
 * `xmax = 0` tells a fresh row from an updated one (created vs reconnected).
 */
function upsertWithEvent(input: SaveInput): Prisma.Sql {
  const { userId, provider, credentials, verified } = input;
  const externalId = verified.externalId;
  const sealed = sealCredentials({ userId, provider: provider.id, externalId }, credentials);
  const now = new Date();
  const scopes = verified.scopes ? JSON.stringify(verified.scopes) : null;
  const meta = JSON.stringify(verified.meta);
  const detail: AuditDetail = { ...verified.meta, credentialId: verified.credentialId, label: verified.label, expires: verified.expiresAt?.toISOString() ?? null };
  return Prisma.sql`
    WITH "saved" AS (
      INSERT INTO "Connection" ("id", "userId", "provider", "externalId", "label", "credentialId", "credentialCiphertext", "credentialFormat", "encryptionKeyId",
        "credentialHint", "credentialCreatedAt", "expiresAt", "scopes", "meta", "lastVerifiedAt", "lastCheckedAt", "lastOutcome", "createdAt", "updatedAt")
      VALUES (${randomUUID()}, ${userId}, ${provider.id}, ${externalId}, ${verified.label}, ${verified.credentialId}, ${sealed.envelope}, ${CREDENTIAL_FORMAT},
        ${sealed.keyId}, ${provider.credentialHint(credentials)}, ${verified.createdAt}, ${verified.expiresAt}, ${scopes}::jsonb, ${meta}::jsonb, ${now}, ${now},
        'verified', ${now}, ${now})
      ON CONFLICT ("userId", "provider", "externalId") DO UPDATE SET
        "label" = EXCLUDED."label", "credentialId" = EXCLUDED."credentialId", "credentialCiphertext" = EXCLUDED."credentialCiphertext",
        "credentialFormat" = EXCLUDED."credentialFormat", "encryptionKeyId" = EXCLUDED."encryptionKeyId", "credentialHint" = EXCLUDED."credentialHint",
        "credentialCreatedAt" = EXCLUDED."credentialCreatedAt", "expiresAt" = EXCLUDED."expiresAt", "scopes" = EXCLUDED."scopes", "meta" = EXCLUDED."meta",
        "lastVerifiedAt" = EXCLUDED."lastVerifiedAt", "lastCheckedAt" = EXCLUDED."lastCheckedAt", "lastOutcome" = 'verified',
        "disconnectedAt" = NULL, "notifiedStatus" = NULL, "updatedAt" = EXCLUDED."updatedAt"
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
