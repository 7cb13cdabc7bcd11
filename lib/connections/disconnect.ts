import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/generated/client";
import { getProvider } from "@/lib/providers";
import { AUDIT_EVENT_TYPES } from "./audit";
import { openCredentials } from "./credentials";
import { storedCredentialFields } from "./queries";
import { providerCallOptions, type ConnectionCallOptions } from "./reverify";
import { recordAuditEvent } from "./store";
import { kickOutboxWorker } from "@/lib/webhooks/kick";
import { enqueueConnectionEvent } from "@/lib/webhooks/outbox";

export type DisconnectResult =
  | { kind: "not_found" }
  | { kind: "already_disconnected" }
  | { kind: "disconnected"; revoke: "revoked" | "not_asked" | "failed"; keyId: string | null };

/**
 * Disconnects: optionally revokes the credential at the provider (with itself), then destroys the
 * ciphertext and keeps the row, marked disconnected, so its history stays readable. A failed
 * revoke (or a provider that cannot revoke) does not stop the disconnect; the page tells the
 * person to revoke it in the console.
 */
/** What ending a connection writes: the credential destroyed, the row kept (and readable) as disconnected. */
function endedConnection(now: Date) {
  return {
    credentialCiphertext: null,
    encryptionKeyId: null,
    disconnectedAt: now,
    leaseOwner: null,
    leaseExpiresAt: null,
    notifiedStatus: null,
  };
}

export async function disconnectConnection(
  input: { userId: string; connectionId: string; revokeAtTailscale: boolean },
  options: ConnectionCallOptions = {},
): Promise<DisconnectResult> {
  const row = await db().connection.findFirst({
    where: { id: input.connectionId, userId: input.userId },
    select: { ...storedCredentialFields, id: true, credentialId: true },
  });
  if (!row) return { kind: "not_found" };
  if (row.disconnectedAt) return { kind: "already_disconnected" };

  let revoke: "revoked" | "not_asked" | "failed" = "not_asked";
  if (input.revokeAtTailscale) {
    const provider = getProvider(row.provider);
    const credentials = provider?.revoke ? openCredentials(row) : null;
    if (provider?.revoke && credentials && row.credentialId) {
      const result = await provider.revoke(credentials, row.credentialId, providerCallOptions(options));
      // A dead credential (expired, revoked) has nothing left to revoke.
      revoke = result.kind === "failed" ? "failed" : "revoked";
    } else {
      revoke = "failed";
    }
  }

  const now = options.now?.() ?? new Date();
  const done = await db().$transaction(async (tx) => {
    const updated = await tx.connection.updateMany({
      where: { id: row.id, userId: input.userId, disconnectedAt: null },
      data: endedConnection(now),
    });
    if (updated.count === 0) return null;
    await recordAuditEvent(tx, {
      userId: input.userId,
      connectionId: row.id,
      actorId: input.userId,
      type: AUDIT_EVENT_TYPES.disconnected,
      outcome:
        revoke === "revoked"
          ? "token_revoked_at_tailscale"
          : revoke === "failed"
            ? "revoke_failed"
            : "token_kept_at_tailscale",
      detail: { keyId: row.credentialId, revokeRequested: input.revokeAtTailscale },
    });
    return {
      queued: await enqueueConnectionEvent(tx, {
        connectionId: row.id,
        type: "connection.deleted",
        reason: "deleted",
        now,
      }),
    };
  });
  if (!done) return { kind: "already_disconnected" };
  if (done.queued > 0) kickOutboxWorker();
  return { kind: "disconnected", revoke, keyId: row.credentialId };
}

/**
 * An account is being deleted (inside its transaction, before the user row goes): each of its
 * live connections is ended as a disconnect would end it (credential destroyed; nothing is revoked
 * at Tailscale, the account's owner chose to leave, not to cut access) and `connection.deleted`
 * is queued for it, so the instance-wide WEBHOOK_URL hears of every connection that disappears.
 * The outbox keeps these rows after the account is gone (their owner becomes null); the owner's
 * own endpoints go with the account. Returns how many messages were queued.
 */
export async function endConnectionsOfDeletedAccount(
  tx: Prisma.TransactionClient,
  userId: string,
  now = new Date(),
): Promise<number> {
  const live = await tx.connection.findMany({ where: { userId, disconnectedAt: null }, select: { id: true } });
  if (live.length === 0) return 0;
  await tx.connection.updateMany({
    where: { userId, disconnectedAt: null },
    data: endedConnection(now),
  });
  let queued = 0;
  for (const { id } of live) {
    queued += await enqueueConnectionEvent(tx, {
      connectionId: id,
      type: "connection.deleted",
      reason: "account_deleted",
      now,
    });
  }
  return queued;
}
