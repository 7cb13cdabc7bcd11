import "server-only";
import { db } from "@/lib/db";
import { getProvider } from "@/lib/providers";
import { isVerified, rotatedFields, type Credentials, type FailedOutcome } from "@/lib/providers/types";
import { AUDIT_EVENT_TYPES } from "./audit";
import { metaOf } from "./credentials";
import { providerCallOptions, type ConnectionCallOptions } from "./reverify";
import { recordAuditEvent, saveVerifiedConnection } from "./store";

export type RotateResult =
  | { kind: "not_found" }
  | { kind: "disconnected" }
  | { kind: "failed"; outcome: FailedOutcome }
  /** The new credential works, but for another account (tailnet) than this connection's. */
  | { kind: "other_tailnet" }
  /** The new token works, but Tailscale did not say which tailnet it belongs to: refused, nothing changed. */
  | { kind: "tailnet_unconfirmed" }
  | { kind: "same_token" }
  | {
      kind: "rotated";
      oldKey: "revoked" | "already_gone" | "kept" | "revoke_failed" | "none";
      oldKeyId: string | null;
    };

/**
 * Replaces a connection's credential with a new one for the same external id. `secrets` are the
 * provider's rotated fields (the secret ones, and any that `rotates` with them, like an OAuth
 * client's ID); the other non-secret ones (the tailnet) stay the connection's own. The new
 * credential is verified first; the old ciphertext is replaced in the same transaction as the
 * audit event (the store's save, pinned to this connection). Then, unless the person unticked
 * it and if the provider can, the old credential is revoked with the new one, which also proves
 * the new one can manage keys.
 */
export async function rotateConnectionToken(
  input: { userId: string; connectionId: string; secrets: Credentials; revokeOld: boolean },
  options: ConnectionCallOptions = {},
): Promise<RotateResult> {
  const row = await db().connection.findFirst({
    where: { id: input.connectionId, userId: input.userId },
    select: {
      id: true,
      endUserId: true,
      provider: true,
      label: true,
      meta: true,
      externalId: true,
      credentialId: true,
      disconnectedAt: true,
    },
  });
  if (!row) return { kind: "not_found" };
  const provider = getProvider(row.provider);
  if (row.disconnectedAt || !provider) return { kind: "disconnected" };

  // The non-secret fields as stored (meta first: the label is only a display name), then the new secrets.
  const meta = metaOf(row.meta);
  const rotated = new Set(rotatedFields(provider.fields).map((f) => f.name));
  const kept = Object.fromEntries(
    provider.fields
      .filter((f) => !rotated.has(f.name))
      .map((f) => [f.name, typeof meta[f.name] === "string" ? (meta[f.name] as string) : row.label]),
  );
  const credentials: Credentials = { ...kept, ...input.secrets };
  const calls = providerCallOptions(options);
  const outcome = await provider.verify(credentials, calls);
  // Without a confirmed identity the new credential cannot be matched to this connection's: refuse it.
  if (provider.outcomeStatus(outcome.outcome) === "unconfirmed") return { kind: "tailnet_unconfirmed" };
  if (!isVerified(outcome)) return { kind: "failed", outcome };
  if (outcome.externalId !== row.externalId) return { kind: "other_tailnet" };
  if (outcome.credentialId !== null && outcome.credentialId === row.credentialId) return { kind: "same_token" };

  const saved = await saveVerifiedConnection({
    userId: input.userId,
    endUserId: row.endUserId,
    provider,
    credentials,
    verified: outcome,
    expectConnectionId: row.id,
    eventType: AUDIT_EVENT_TYPES.rotated,
  });
  if ("mismatch" in saved) return { kind: "other_tailnet" };

  const oldKeyId = saved.previousCredentialId;
  if (!oldKeyId || oldKeyId === outcome.credentialId || !provider.revoke)
    return { kind: "rotated", oldKey: "none", oldKeyId };
  if (!input.revokeOld) return { kind: "rotated", oldKey: "kept", oldKeyId };

  const revoked = await provider.revoke(credentials, oldKeyId, calls);
  // "already_gone": the provider no longer knows the old credential (revoked or deleted already, or
  // out of the new one's sight): this app revoked nothing, so it does not say "revoked".
  const oldKey =
    revoked.kind === "revoked" ? "revoked" : revoked.kind === "already_gone" ? "already_gone" : "revoke_failed";
  const eventTypes = {
    revoked: AUDIT_EVENT_TYPES.oldKeyRevoked,
    already_gone: AUDIT_EVENT_TYPES.oldKeyAlreadyGone,
    revoke_failed: AUDIT_EVENT_TYPES.oldKeyRevokeFailed,
  } as const;
  await recordAuditEvent(db(), {
    userId: input.userId,
    connectionId: row.id,
    actorId: input.userId,
    type: eventTypes[oldKey],
    outcome:
      revoked.kind === "revoked"
        ? "revoked"
        : revoked.kind === "already_gone"
          ? "http_404"
          : revoked.kind === "failed"
            ? revoked.reason
            : "http_401",
    detail: { keyId: oldKeyId },
  });
  return { kind: "rotated", oldKey, oldKeyId };
}
