import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/db/generated/client";
import { newId } from "@/lib/db/ids";
import type { Credentials, Provider, VerifiedCredential } from "@/lib/providers/types";
import { kickOutboxWorker } from "@/lib/webhooks/kick";
import { enqueueConnectionEvent } from "@/lib/webhooks/outbox";
import { AUDIT_EVENT_TYPES, type AuditDetail, type AuditEventType } from "./audit";
import { CREDENTIAL_FORMAT, sealCredentials } from "./credentials";

type Tx = Parameters<Parameters<ReturnType<typeof db>["$transaction"]>[0]>[0];

export async function recordAuditEvent(
  tx: Tx | ReturnType<typeof db>,
  event: {
    userId: string;
    connectionId: string | null;
    actorId: string | null;
    type: AuditEventType;
    outcome?: string | null;
    detail?: AuditDetail;
  },
) {
  await tx.auditEvent.create({
    data: {
      userId: event.userId,
      connectionId: event.connectionId,
      actorId: event.actorId,
      type: event.type,
      outcome: event.outcome ?? null,
      detail: event.detail ?? undefined,
    },
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
  /**
   * The host app's end user, when a connect session made it (one connection per owner, end user,
   * provider and tailnet).
   */
  endUserId?: string | null;
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
        AND "endUserId" IS NOT DISTINCT FROM ${input.endUserId ?? null}
      FOR UPDATE`;
    if (locked?.id !== expected) return { mismatch: true as const };
    const [row] = await tx.$queryRaw<UpsertRow[]>(upsert);
    const queued = await enqueueConnectionEvent(tx, {
      connectionId: row!.id,
      type: "connection.updated",
      reason: "rotated",
    });
    return { id: row!.id, created: Boolean(row!.inserted), previousCredentialId: locked.credentialId, queued };
  }, SAVE_TRANSACTION_OPTIONS);
  if ("mismatch" in saved) return saved;
  if (saved.queued > 0) kickOutboxWorker();
  return { id: saved.id, created: saved.created, previousCredentialId: saved.previousCredentialId };
}

type UpsertRow = { id: string; inserted: boolean };

/**
 * The columns the save writes, typed against the Prisma model: a renamed or retyped column fails
 * to compile here. JSON columns hold the value itself; the statement casts their JSON text.
 */
type ModelColumns = Required<
  Pick<
    Prisma.ConnectionUncheckedCreateInput,
    | "id"
    | "userId"
    | "endUserId"
    | "provider"
    | "externalId"
    | "label"
    | "credentialId"
    | "credentialCiphertext"
    | "credentialFormat"
    | "encryptionKeyId"
    | "credentialHint"
    | "credentialCreatedAt"
    | "expiresAt"
    | "lastVerifiedAt"
    | "lastCheckedAt"
    | "lastOutcome"
    | "disconnectedAt"
    | "notifiedStatus"
    | "createdAt"
    | "updatedAt"
    | "scopes"
    | "meta"
  >
>;
type ConnectionColumns = Omit<ModelColumns, "scopes" | "meta"> & {
  scopes: string[] | null;
  meta: VerifiedCredential["meta"];
};
type ConnectionColumn = keyof ConnectionColumns;

const JSON_COLUMNS: ReadonlySet<ConnectionColumn> = new Set(["scopes", "meta"]);
/** Kept from the first save: who and when. Every other written column is replaced on reconnect. */
const KEPT_ON_CONFLICT: ReadonlySet<ConnectionColumn> = new Set([
  "id",
  "userId",
  "endUserId",
  "provider",
  "externalId",
  "createdAt",
]);

/**
 * The insert-or-update of the connection and the insert of its audit event, as one statement.
 * `xmax = 0` tells a fresh row from an updated one (created vs reconnected).
 */
function upsertWithEvent(input: SaveInput): Prisma.Sql {
  const { userId, provider, credentials, verified } = input;
  const externalId = verified.externalId;
  const sealed = sealCredentials({ userId, provider: provider.id, externalId }, credentials);
  const now = new Date();
  const row: ConnectionColumns = {
    id: newId(),
    userId,
    endUserId: input.endUserId ?? null,
    provider: provider.id,
    externalId,
    label: verified.label,
    credentialId: verified.credentialId,
    credentialCiphertext: sealed.envelope,
    credentialFormat: CREDENTIAL_FORMAT,
    encryptionKeyId: sealed.keyId,
    credentialHint: provider.credentialHint(credentials),
    credentialCreatedAt: verified.createdAt,
    expiresAt: verified.expiresAt,
    scopes: verified.scopes,
    meta: verified.meta,
    lastVerifiedAt: now,
    lastCheckedAt: now,
    lastOutcome: "verified",
    disconnectedAt: null,
    notifiedStatus: null,
    createdAt: now,
    updatedAt: now,
  };
  const columns = Object.keys(row) as ConnectionColumn[];
  const names = Prisma.raw(columns.map((c) => `"${c}"`).join(", "));
  const values = Prisma.join(
    columns.map((c) => {
      if (!JSON_COLUMNS.has(c)) return Prisma.sql`${row[c]}`;
      const value = row[c];
      return Prisma.sql`${value === null ? null : JSON.stringify(value)}::jsonb`;
    }),
  );
  const replaced = Prisma.raw(
    columns
      .filter((c) => !KEPT_ON_CONFLICT.has(c))
      .map((c) => `"${c}" = EXCLUDED."${c}"`)
      .join(", "),
  );
  const detail: AuditDetail = {
    ...verified.meta,
    credentialId: verified.credentialId,
    label: verified.label,
    expires: verified.expiresAt?.toISOString() ?? null,
  };
  return Prisma.sql`
    WITH "saved" AS (
      INSERT INTO "Connection" (${names}) VALUES (${values})
      ON CONFLICT ("userId", "endUserId", "provider", "externalId") DO UPDATE SET ${replaced}
      RETURNING "id", (xmax = 0) AS "inserted"
    ), "event" AS (
      INSERT INTO "AuditEvent" ("id", "userId", "connectionId", "actorId", "type", "outcome", "detail", "createdAt")
      SELECT ${newId()}, ${userId}, "saved"."id", ${userId},
        COALESCE(${input.eventType ?? null}::text, CASE WHEN "saved"."inserted" THEN ${AUDIT_EVENT_TYPES.created} ELSE ${AUDIT_EVENT_TYPES.reconnected} END),
        'verified', ${JSON.stringify(detail)}::jsonb, ${now}
      FROM "saved"
    )
    SELECT "id", "inserted" FROM "saved"`;
}
