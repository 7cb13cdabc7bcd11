import "server-only";
import { db } from "@/lib/db";
import { verifyTailscaleCredentials } from "@/lib/providers/tailscale/verify";
import type { OutcomeName, VerificationOutcome } from "@/lib/providers/tailscale/outcomes";
import { AUDIT_EVENT_TYPES } from "./audit";
import { notifyIfStatusMoved, type NotificationChannels } from "./notifications";
import { deriveConnectionStatus, type ConnectionStatus } from "./status";
import { recordAuditEvent } from "./store";
import { openConnectionToken } from "./token";

/** Overrides for tests and the scheduler; production passes none. */
export type ConnectionCallOptions = {
  baseUrl?: string;
  timeoutMs?: number;
  now?: () => Date;
  channels?: NotificationChannels;
};

export type ReverifyResult =
  | { kind: "not_found" }
  | { kind: "disconnected" }
  | { kind: "checked"; outcome: VerificationOutcome; status: ConnectionStatus; notified: boolean };

const rowFields = {
  id: true,
  userId: true,
  provider: true,
  canonicalTailnetId: true,
  tailnet: true,
  tokenCiphertext: true,
  tokenExpiresAt: true,
  disconnectedAt: true,
  notifiedStatus: true,
  lastOutcome: true,
} as const;

/**
 * Re-checks a connection with its stored token. `userId` is the owner for a person's action
 * (ownership in the query) or null for the scheduler, which passes its lease owner instead so
 * only the instance holding the lease writes the result. A verified check refreshes the facts;
 * a failed one records the outcome and keeps what was known before.
 */
export async function reverifyConnection(
  target: { connectionId: string; userId: string } | { connectionId: string; leaseOwner: string },
  options: ConnectionCallOptions = {},
): Promise<ReverifyResult> {
  const where = "userId" in target ? { id: target.connectionId, userId: target.userId } : { id: target.connectionId, leaseOwner: target.leaseOwner };
  const row = await db().connection.findFirst({ where, select: rowFields });
  if (!row) return { kind: "not_found" };
  const token = row.disconnectedAt ? null : openConnectionToken(row);
  if (!token) return { kind: "disconnected" };

  const checked = await verifyTailscaleCredentials(
    { tailnet: row.tailnet, token, knownExpiry: row.tokenExpiresAt },
    { ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.now ? { now: options.now } : {}) },
  );
  // A connection's identity was settled when it was made, and a re-check never rewrites it. When
  // Tailscale does not name the tailnet this time (user record and users list both failing), that
  // is an incomplete answer, not a verdict on the token: it is recorded as unexpected_response
  // (status "unverified", what was known kept), not as tailnet_unconfirmed, whose copy asks for a
  // Tailnet ID that a stored connection has no field for.
  const outcome: VerificationOutcome = checked.outcome === "tailnet_unconfirmed" ? { outcome: "unexpected_response" } : checked;
  const now = options.now?.() ?? new Date();
  // An outcome name only: "invalid_input" means the stored value no longer passes our own checks.
  const outcomeName: OutcomeName = outcome.outcome;
  const release = { leaseOwner: null, leaseExpiresAt: null };
  const facts =
    outcome.outcome === "verified"
      ? {
          tokenExpiresAt: outcome.expires ? new Date(outcome.expires) : row.tokenExpiresAt,
          tokenCreatedAt: outcome.created ? new Date(outcome.created) : undefined,
          deviceCount: outcome.deviceCount,
          lastVerifiedAt: now,
        }
      : {};
  // Guarded by the same where (plus "still connected"): a disconnect or another owner's id changes nothing.
  const updated = await db().connection.updateMany({
    where: { ...where, disconnectedAt: null },
    data: { ...facts, lastCheckedAt: now, lastOutcome: outcomeName, ...release },
  });
  if (updated.count === 0) return { kind: "disconnected" };

  await recordAuditEvent(db(), {
    userId: row.userId,
    connectionId: row.id,
    actorId: "userId" in target ? target.userId : null,
    type: outcome.outcome === "verified" ? AUDIT_EVENT_TYPES.verified : AUDIT_EVENT_TYPES.verificationFailed,
    outcome: outcomeName,
    detail:
      outcome.outcome === "verified"
        ? { deviceCount: outcome.deviceCount, expires: outcome.expires }
        : outcome.outcome === "rate_limited"
          ? { retryAfterSeconds: outcome.retryAfterSeconds ?? null }
          : undefined,
  });

  const expiresAt = "tokenExpiresAt" in facts ? (facts.tokenExpiresAt ?? null) : row.tokenExpiresAt;
  const status = deriveConnectionStatus({ disconnectedAt: null, tokenExpiresAt: expiresAt, lastOutcome: outcomeName }, now);
  const { notified } = await notifyIfStatusMoved(
    { id: row.id, userId: row.userId, tailnet: row.tailnet, tokenExpiresAt: expiresAt, notifiedStatus: row.notifiedStatus },
    status,
    options.channels,
    now,
  );
  return { kind: "checked", outcome, status, notified };
}
