import { isLocale, type Locale } from "@/lib/i18n/locales";
import type { RawQuery } from "@/lib/rate-limit/statement";
import { MAX_ATTEMPTS, nextAttemptAfter } from "./backoff";

/*
 * The outbox worker's statements, in plain SQL with positional parameters: the worker runs in
 * server.ts beside Next (one per process) on the raw connection, so it never creates the Prisma
 * client that the routes' bundle owns. Times travel as ISO text and come back as epoch
 * milliseconds (the columns have no time zone and drivers read them differently).
 */

export type ClaimedMessage = {
  id: string;
  channel: "webhook" | "email";
  /** Null once the owner's account is deleted (its connection.deleted events still go out). */
  userId: string | null;
  endpointId: string | null;
  eventId: string;
  eventType: string;
  connectionId: string | null;
  payload: string;
  attempts: number;
};

/**
 * Claims up to `batchSize` due messages for `instanceId`, counting the try now (a process that dies
 * mid-delivery has used that try). The inner SELECT locks the rows it picks and skips rows another
 * instance is claiming at this moment (SKIP LOCKED); the lease keeps them this instance's until it
 * runs out, so a crashed instance's messages are picked up again after `leaseSeconds`.
 */
export async function claimDueMessages(
  query: RawQuery,
  instanceId: string,
  options: { now: Date; batchSize: number; leaseSeconds: number },
): Promise<ClaimedMessage[]> {
  const now = options.now.toISOString();
  const until = new Date(options.now.getTime() + options.leaseSeconds * 1000).toISOString();
  const rows = await query<ClaimedMessage & { attempts: number | bigint }>(
    `UPDATE "OutboxMessage"
    SET "leaseOwner" = $1, "leaseExpiresAt" = $2::timestamp(3), "attempts" = "attempts" + 1, "lastAttemptAt" = $3::timestamp(3)
    WHERE "id" IN (
      SELECT "id" FROM "OutboxMessage"
      WHERE "status" = 'pending' AND "nextAttemptAt" <= $3::timestamp(3)
        AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" < $3::timestamp(3))
      ORDER BY "nextAttemptAt" ASC, "id" ASC
      LIMIT $4
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "channel", "userId", "endpointId", "eventId", "eventType", "connectionId", "payload", "attempts"`,
    [instanceId, until, now, options.batchSize],
  );
  return rows.map((r) => ({ ...r, attempts: Number(r.attempts) }));
}

export type AttemptResult = { ok: true; result: string } | { ok: false; result: string };

/**
 * Writes what a try got, if this instance still holds the message: delivered; or due again after
 * the backoff; or, after the last try, failed. Returns the status written (null: the lease was lost).
 */
export async function recordAttempt(
  query: RawQuery,
  instanceId: string,
  message: Pick<ClaimedMessage, "id" | "attempts">,
  attempt: AttemptResult,
  now: Date,
  jitter?: number,
): Promise<"delivered" | "pending" | "failed" | null> {
  const next = attempt.ok ? null : nextAttemptAfter(message.attempts, now, jitter);
  const status = attempt.ok ? "delivered" : next ? "pending" : "failed";
  const rows = await query<{ id: string }>(
    `UPDATE "OutboxMessage"
    SET "status" = $3, "lastResult" = $4, "nextAttemptAt" = COALESCE($5::timestamp(3), "nextAttemptAt"),
      "deliveredAt" = CASE WHEN $3 = 'delivered' THEN $6::timestamp(3) ELSE "deliveredAt" END,
      "leaseOwner" = NULL, "leaseExpiresAt" = NULL
    WHERE "id" = $1 AND "leaseOwner" = $2
    RETURNING "id"`,
    [message.id, instanceId, status, attempt.result.slice(0, 200), next?.toISOString() ?? null, now.toISOString()],
  );
  return rows.length > 0 ? status : null;
}

export { MAX_ATTEMPTS };

/** A person's endpoint as the worker needs it (null once deleted). */
export async function endpointForDelivery(
  query: RawQuery,
  endpointId: string,
): Promise<{ url: string; secretCiphertext: string; userId: string } | null> {
  const [row] = await query<{ url: string; secretCiphertext: string; userId: string }>(
    `SELECT "url", "secretCiphertext", "userId" FROM "WebhookEndpoint" WHERE "id" = $1`,
    [endpointId],
  );
  return row ?? null;
}

/** Where a status email goes, and in which language (null: never recorded, DEFAULT_LOCALE applies). */
export async function recipientOfUser(
  query: RawQuery,
  userId: string | null,
): Promise<{ email: string; locale: Locale | null } | null> {
  if (userId === null) return null;
  const [row] = await query<{ email: string; locale: string | null }>(
    `SELECT "email", "locale" FROM "User" WHERE "id" = $1`,
    [userId],
  );
  return row ? { email: row.email, locale: isLocale(row.locale) ? row.locale : null } : null;
}
