import "server-only";
import { callContext, listDevices, type CallOptions } from "./api";
import type { OAuthClientCredentialsInput } from "./schema";
import { credentialsSchema } from "./schema";
import type { OAuthClientOutcome } from "./outcomes";
import { tokenClient as processTokenClient } from "./token-client";
import type { LiveItem } from "@/lib/providers/types";

/** Same rule as the API-key provider's device list: seen in the last five minutes counts as online. */
export const ONLINE_WITHIN_MS = 5 * 60_000;

export type LiveViewResult = { kind: "ok"; items: LiveItem[] } | { kind: "failed"; outcome: OAuthClientOutcome };

/**
 * The tailnet's devices, fetched live with stored credentials. Uses the cached access token; a
 * 401 on it triggers one fresh exchange (a client revoked since shows as `invalid_client`).
 */
export async function liveView(
  input: OAuthClientCredentialsInput,
  options: CallOptions & { now?: () => Date } = {},
): Promise<LiveViewResult> {
  const parsed = credentialsSchema.safeParse(input);
  // Stored credentials were valid when saved; failing the schema now means the rules changed.
  if (!parsed.success) return { kind: "failed", outcome: { outcome: "unexpected_response" } };
  const { now: clock, ...callOptions } = options;
  const result = await listDevices(
    parsed.data,
    parsed.data.tailnet,
    callContext(callOptions),
    options.tokenClient ?? processTokenClient,
  );
  if (!result.ok) return { kind: "failed", outcome: result.outcome };
  const now = (clock?.() ?? new Date()).getTime();
  const items = result.data
    .map((d) => {
      const seen = d.lastSeen ? Date.parse(d.lastSeen) : NaN;
      const online = d.connectedToControl ?? (!Number.isNaN(seen) && now - seen <= ONLINE_WITHIN_MS);
      // As the API-key provider fills a row: the device list shows `kind` in its OS column.
      const detail = [d.name, d.addresses[0]].filter(Boolean).join(" · ");
      return { id: d.id, name: d.hostname, detail, kind: d.os, lastSeen: d.lastSeen ?? null, online };
    })
    .sort((a, b) => Number(b.online) - Number(a.online) || a.name.localeCompare(b.name));
  return { kind: "ok", items };
}
