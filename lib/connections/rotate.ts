import "server-only";
import { db } from "@/lib/db";
import { deleteKey } from "@/lib/providers/tailscale/client";
import { verifyTailscaleCredentials } from "@/lib/providers/tailscale/verify";
import type { VerificationOutcome } from "@/lib/providers/tailscale/outcomes";
import { AUDIT_EVENT_TYPES } from "./audit";
import type { ConnectionCallOptions } from "./reverify";
import { recordAuditEvent, saveVerifiedConnection } from "./store";

export type RotateResult =
  | { kind: "not_found" }
  | { kind: "disconnected" }
  | { kind: "failed"; outcome: Exclude<VerificationOutcome, { outcome: "verified" }> }
  /** The new token works, but for another tailnet than this connection's. */
  | { kind: "other_tailnet" }
  /** The new token works, but Tailscale did not say which tailnet it belongs to: refused, nothing changed. */
  | { kind: "tailnet_unconfirmed" }
  | { kind: "same_token" }
  | { kind: "rotated"; oldKey: "revoked" | "already_gone" | "kept" | "revoke_failed" | "none"; oldKeyId: string | null };

/**
 * Replaces a connection's token with a new one for the same tailnet. The new token is verified
 * first; the old ciphertext is replaced in the same transaction as the audit event (the store's
 * save, pinned to this connection). Then, unless the person unticked it, the old key is revoked
 * at Tailscale with the new token, which also proves the new one can manage keys.
 */
export async function rotateConnectionToken(
  input: { userId: string; connectionId: string; token: string; revokeOld: boolean },
  options: ConnectionCallOptions = {},
): Promise<RotateResult> {
  const row = await db().connection.findFirst({
    where: { id: input.connectionId, userId: input.userId },
    select: { id: true, tailnet: true, canonicalTailnetId: true, keyId: true, disconnectedAt: true },
  });
  if (!row) return { kind: "not_found" };
  if (row.disconnectedAt) return { kind: "disconnected" };

  const callOptions = { ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
  const outcome = await verifyTailscaleCredentials({ tailnet: row.tailnet, token: input.token }, { ...callOptions, ...(options.now ? { now: options.now } : {}) });
  // Without a confirmed tailnet the new token cannot be matched to this connection's: refuse it.
  if (outcome.outcome === "tailnet_unconfirmed") return { kind: "tailnet_unconfirmed" };
  if (outcome.outcome !== "verified") return { kind: "failed", outcome };
  if (outcome.canonicalTailnetId !== row.canonicalTailnetId) return { kind: "other_tailnet" };
  if (outcome.keyId === row.keyId) return { kind: "same_token" };

  const saved = await saveVerifiedConnection({
    userId: input.userId,
    token: input.token,
    verified: outcome,
    expectConnectionId: row.id,
    eventType: AUDIT_EVENT_TYPES.rotated,
  });
  if ("mismatch" in saved) return { kind: "other_tailnet" };

  const oldKeyId = saved.previousKeyId;
  if (!oldKeyId || oldKeyId === outcome.keyId) return { kind: "rotated", oldKey: "none", oldKeyId };
  if (!input.revokeOld) return { kind: "rotated", oldKey: "kept", oldKeyId };

  const revoked = await deleteKey(row.tailnet, oldKeyId, input.token, callOptions);
  // A 404 means Tailscale no longer knows the old key (revoked or deleted already, or out of the
  // new token's sight): this app revoked nothing, so it does not say "revoked".
  const oldKey = revoked.ok ? "revoked" : revoked.kind === "http" && revoked.status === 404 ? "already_gone" : "revoke_failed";
  const eventTypes = { revoked: AUDIT_EVENT_TYPES.oldKeyRevoked, already_gone: AUDIT_EVENT_TYPES.oldKeyAlreadyGone, revoke_failed: AUDIT_EVENT_TYPES.oldKeyRevokeFailed } as const;
  await recordAuditEvent(db(), {
    userId: input.userId,
    connectionId: row.id,
    actorId: input.userId,
    type: eventTypes[oldKey],
    outcome: revoked.ok ? "revoked" : revoked.kind === "http" ? `http_${revoked.status}` : revoked.kind,
    detail: { keyId: oldKeyId },
  });
  return { kind: "rotated", oldKey, oldKeyId };
}
