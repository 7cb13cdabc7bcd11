import "server-only";
import { db } from "@/lib/db";
import { getProvider } from "@/lib/providers";
import { isVerified, type VerifyResult } from "@/lib/providers/types";
import { AUDIT_EVENT_TYPES } from "./audit";
import { openCredentials } from "./credentials";
import { storedCredentialFields } from "./queries";
import { notifyIfStatusMoved, type NotificationChannels } from "./notifications";
import { deriveConnectionStatus, type ConnectionStatus } from "./status";
import { recordAuditEvent } from "./store";
import type { WebhookEventReason } from "@/lib/webhooks/events";
import { kickOutboxWorker } from "@/lib/webhooks/kick";
import { enqueueConnectionEvent } from "@/lib/webhooks/outbox";

/** Overrides for tests and the scheduler; production passes none. */
export type ConnectionCallOptions = {
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => Date;
  channels?: NotificationChannels;
};

/** The part of the options a provider's calls take. */
export function providerCallOptions(options: ConnectionCallOptions) {
  return {
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
}

export type ReverifyResult =
  | { kind: "not_found" }
  | { kind: "disconnected" }
  | { kind: "checked"; providerId: string; outcome: VerifyResult; status: ConnectionStatus; notified: boolean };

const rowFields = {
  ...storedCredentialFields,
  id: true,
  expiresAt: true,
  notifiedStatus: true,
  lastOutcome: true,
  lastCheckedAt: true,
} as const;

/**
 * Which moves a host hears about as `connection.updated`. A check that could not reach a verdict
 * (Tailscale busy or unreachable) is not news: what was known before still stands.
 */
const UPDATE_REASONS: Record<ConnectionStatus, WebhookEventReason | null> = {
  active: "verified",
  expiring_soon: "expiring_soon",
  expired: "expired",
  revoked: "revoked",
  invalid: "needs_attention",
  unverified: null,
  disconnected: null,
};

/**
 * Re-checks a connection with its stored credentials. `userId` is the owner for a person's action
 * (ownership in the query) or null for the scheduler, which passes its lease owner instead so
 * only the instance holding the lease writes the result. A verified check refreshes the facts;
 * a failed one records the outcome and keeps what was known before.
 */
export async function reverifyConnection(
  target: { connectionId: string; userId: string } | { connectionId: string; leaseOwner: string },
  options: ConnectionCallOptions = {},
): Promise<ReverifyResult> {
  const where =
    "userId" in target
      ? { id: target.connectionId, userId: target.userId }
      : { id: target.connectionId, leaseOwner: target.leaseOwner };
  const row = await db().connection.findFirst({ where, select: rowFields });
  if (!row) return { kind: "not_found" };
  const provider = getProvider(row.provider);
  const credentials = row.disconnectedAt || !provider ? null : openCredentials(row);
  if (!provider || !credentials) return { kind: "disconnected" };

  const checked = await provider.verify(credentials, {
    ...providerCallOptions(options),
    knownExpiresAt: row.expiresAt,
  });
  // A connection's identity was settled when it was made, and a re-check never rewrites it: the
  // provider may read an answer differently for a stored connection (recheckOutcome).
  const outcome = !isVerified(checked) && provider.recheckOutcome ? provider.recheckOutcome(checked) : checked;
  const now = options.now?.() ?? new Date();
  // An outcome name only: "invalid_input" means the stored value no longer passes our own checks.
  const outcomeName = outcome.outcome;
  const release = { leaseOwner: null, leaseExpiresAt: null };
  // A verified check refreshes what the provider says; an expiry it no longer states is kept.
  const facts = isVerified(outcome)
    ? {
        expiresAt: outcome.expiresAt ?? row.expiresAt,
        credentialCreatedAt: outcome.createdAt ?? undefined,
        meta: { ...(row.meta as object), ...outcome.meta },
        lastVerifiedAt: now,
      }
    : {};
  const expiresAt = "expiresAt" in facts ? (facts.expiresAt ?? null) : row.expiresAt;
  const status = deriveConnectionStatus(
    { provider: row.provider, disconnectedAt: null, expiresAt, lastOutcome: outcomeName },
    now,
  );
  // The status as the last check left it (at that time: "expiring soon" can arrive by the clock alone).
  const before = deriveConnectionStatus(
    { provider: row.provider, disconnectedAt: null, expiresAt: row.expiresAt, lastOutcome: row.lastOutcome },
    row.lastCheckedAt ?? now,
  );
  const reason = before === status ? null : UPDATE_REASONS[status];

  // The result, its audit event, and what it tells (webhook events, the status email) commit together.
  const done = await db().$transaction(async (tx) => {
    // Guarded by the same where (plus "still connected"): a disconnect or another owner's id changes nothing.
    const updated = await tx.connection.updateMany({
      where: { ...where, disconnectedAt: null },
      data: { ...facts, lastCheckedAt: now, lastOutcome: outcomeName, ...release },
    });
    if (updated.count === 0) return null;
    await recordAuditEvent(tx, {
      userId: row.userId,
      connectionId: row.id,
      actorId: "userId" in target ? target.userId : null,
      type: isVerified(outcome) ? AUDIT_EVENT_TYPES.verified : AUDIT_EVENT_TYPES.verificationFailed,
      outcome: outcomeName,
      detail: isVerified(outcome)
        ? { ...outcome.meta, expires: outcome.expiresAt?.toISOString() ?? null }
        : outcome.retryAfterSeconds !== undefined || outcomeName === "rate_limited"
          ? { retryAfterSeconds: outcome.retryAfterSeconds ?? null }
          : undefined,
    });
    const events = reason
      ? await enqueueConnectionEvent(tx, { connectionId: row.id, type: "connection.updated", reason, now })
      : 0;
    const told = await notifyIfStatusMoved(
      tx,
      { id: row.id, userId: row.userId, label: row.label, expiresAt, notifiedStatus: row.notifiedStatus },
      status,
      options.channels,
      now,
    );
    return { notified: told.notified, queued: events + told.queued };
  });
  if (!done) return { kind: "disconnected" };
  if (done.queued > 0) kickOutboxWorker();
  const notified = done.notified;
  return { kind: "checked", providerId: provider.id, outcome, status, notified };
}
