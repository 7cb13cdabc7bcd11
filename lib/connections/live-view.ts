import "server-only";
import { db } from "@/lib/db";
import { getProvider } from "@/lib/providers";
import type { FailedOutcome, LiveItem } from "@/lib/providers/types";
import { openCredentials } from "./credentials";
import { storedCredentialFields } from "./queries";
import { providerCallOptions, type ConnectionCallOptions } from "./reverify";

export type LiveViewResult =
  | { kind: "not_found" }
  | { kind: "disconnected" }
  /** The provider has no live view. */
  | { kind: "none" }
  | { kind: "failed"; outcome: FailedOutcome }
  | { kind: "ok"; items: LiveItem[] };

/**
 * What the provider shows live (Tailscale: the tailnet's devices), fetched with the stored credentials
 * (ownership in the query).
 */
export async function loadLiveView(
  userId: string,
  connectionId: string,
  options: ConnectionCallOptions = {},
): Promise<LiveViewResult> {
  const row = await db().connection.findFirst({
    where: { id: connectionId, userId },
    select: { ...storedCredentialFields, expiresAt: true },
  });
  if (!row) return { kind: "not_found" };
  const provider = getProvider(row.provider);
  if (!provider?.liveView) return { kind: "none" };
  const credentials = row.disconnectedAt ? null : openCredentials(row);
  if (!credentials) return { kind: "disconnected" };
  const result = await provider.liveView(credentials, {
    ...providerCallOptions(options),
    knownExpiresAt: row.expiresAt,
  });
  // The provider's result has the same two cases as this one's last two.
  return result;
}
