import "server-only";
import { db } from "@/lib/db";
import { deleteKey } from "@/lib/providers/tailscale/client";
import { AUDIT_EVENT_TYPES } from "./audit";
import type { ConnectionCallOptions } from "./reverify";
import { recordAuditEvent } from "./store";
import { openConnectionToken } from "./token";

export type DisconnectResult =
  | { kind: "not_found" }
  | { kind: "already_disconnected" }
  | { kind: "disconnected"; revoke: "revoked" | "not_asked" | "failed"; keyId: string | null };

/**
 * Disconnects: optionally revokes the token at Tailscale (with itself), then destroys the
 * ciphertext and keeps the row, marked disconnected, so its history stays readable. A failed
 * revoke does not stop the disconnect; the page tells the person to revoke it in the console.
 */
export async function disconnectConnection(
  input: { userId: string; connectionId: string; revokeAtTailscale: boolean },
  options: ConnectionCallOptions = {},
): Promise<DisconnectResult> {
  const row = await db().connection.findFirst({
    where: { id: input.connectionId, userId: input.userId },
    select: { id: true, userId: true, provider: true, canonicalTailnetId: true, tailnet: true, keyId: true, tokenCiphertext: true, disconnectedAt: true },
  });
  if (!row) return { kind: "not_found" };
  if (row.disconnectedAt) return { kind: "already_disconnected" };

  let revoke: "revoked" | "not_asked" | "failed" = "not_asked";
  if (input.revokeAtTailscale) {
    const token = openConnectionToken(row);
    if (token && row.keyId) {
      const callOptions = { ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) };
      const result = await deleteKey(row.tailnet, row.keyId, token, callOptions);
      // 401 means the token is already dead (expired, revoked): nothing left to revoke.
      revoke = result.ok || (result.kind === "http" && (result.status === 404 || result.status === 401)) ? "revoked" : "failed";
    } else {
      revoke = "failed";
    }
  }

  const now = options.now?.() ?? new Date();
  const done = await db().$transaction(async (tx) => {
    const updated = await tx.connection.updateMany({
      where: { id: row.id, userId: input.userId, disconnectedAt: null },
      data: { tokenCiphertext: null, tokenKeyId: null, disconnectedAt: now, leaseOwner: null, leaseExpiresAt: null, notifiedStatus: null },
    });
    if (updated.count === 0) return false;
    await recordAuditEvent(tx, {
      userId: input.userId,
      connectionId: row.id,
      actorId: input.userId,
      type: AUDIT_EVENT_TYPES.disconnected,
      outcome: revoke === "revoked" ? "token_revoked_at_tailscale" : revoke === "failed" ? "revoke_failed" : "token_kept_at_tailscale",
      detail: { keyId: row.keyId, revokeRequested: input.revokeAtTailscale },
    });
    return true;
  });
  if (!done) return { kind: "already_disconnected" };
  return { kind: "disconnected", revoke, keyId: row.keyId };
}
