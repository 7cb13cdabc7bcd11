import "server-only";
import { db } from "@/lib/db";
import { listDevices } from "@/lib/providers/tailscale/client";
import { classify } from "@/lib/providers/tailscale/outcome-table";
import type { VerificationOutcome } from "@/lib/providers/tailscale/outcomes";
import type { ConnectionCallOptions } from "./reverify";
import { openConnectionToken } from "./token";

export const ONLINE_WITHIN_MS = 5 * 60_000;

export type DeviceView = { id: string; name: string; hostname: string; os: string; lastSeen: string | null; online: boolean; addresses: string[] };

export type DevicesResult =
  | { kind: "not_found" }
  | { kind: "disconnected" }
  | { kind: "failed"; outcome: VerificationOutcome }
  | { kind: "ok"; devices: DeviceView[] };

/** The tailnet's devices, fetched live with the stored token (ownership in the query). */
export async function listConnectionDevices(userId: string, connectionId: string, options: ConnectionCallOptions = {}): Promise<DevicesResult> {
  const row = await db().connection.findFirst({
    where: { id: connectionId, userId },
    select: { userId: true, provider: true, canonicalTailnetId: true, tailnet: true, tokenCiphertext: true, tokenExpiresAt: true, disconnectedAt: true },
  });
  if (!row) return { kind: "not_found" };
  const token = row.disconnectedAt ? null : openConnectionToken(row);
  if (!token) return { kind: "disconnected" };
  const result = await listDevices(row.tailnet, token, {
    ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const now = options.now?.() ?? new Date();
  if (!result.ok) {
    // A stored token that worked before and now gets 401 died since: judged like the key read,
    // the stored expiry tells expired from revoked.
    const call = result.kind === "http" && result.status === 401 ? "key" : "devices";
    const outcome = classify({ call, failure: result }, { now, ...(row.tokenExpiresAt ? { knownExpiry: row.tokenExpiresAt } : {}) });
    return { kind: "failed", outcome: outcome ?? { outcome: "unexpected_response" } };
  }
  const devices = result.data
    .map((d) => {
      const seen = d.lastSeen ? Date.parse(d.lastSeen) : NaN;
      const online = d.connectedToControl ?? (!Number.isNaN(seen) && now.getTime() - seen <= ONLINE_WITHIN_MS);
      return { id: d.id, name: d.name, hostname: d.hostname, os: d.os, lastSeen: d.lastSeen ?? null, online, addresses: d.addresses };
    })
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
  return { kind: "ok", devices };
}
