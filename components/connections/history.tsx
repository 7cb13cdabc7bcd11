import type { HistoryEntry } from "@/lib/connections/queries";
import { formatDateTime } from "./format";

/** Event labels in the provider's words: `noun` is its credential in running text ("token"). */
function labels(noun: string): Record<string, string> {
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  return {
    "connection.created": "Connected",
    "connection.reconnected": "Reconnected",
    "connection.verified": "Verified",
    "connection.verification_failed": "Verification failed",
    "connection.rotated": `${Noun} rotated`,
    "connection.old_key_revoked": `Old ${noun} revoked at Tailscale`,
    "connection.old_key_revoke_failed": `Old ${noun} could not be revoked`,
    "connection.old_key_already_gone": `Old ${noun} was already gone at Tailscale`,
    "connection.notified": "Owner notified",
    "connection.disconnected": "Disconnected",
    "connection.credentials_read": "Credentials read through the API",
    "connection.api_proxied": "Tailscale API called through the proxy",
  };
}

/** The API key an event names (never the key itself: its name and prefix). */
function apiKeyOf(detail: unknown): string | null {
  const d = detail as { apiKeyName?: unknown; apiKeyPrefix?: unknown } | null;
  return d && typeof d.apiKeyName === "string" && typeof d.apiKeyPrefix === "string"
    ? `API key “${d.apiKeyName}” (${d.apiKeyPrefix}…)`
    : null;
}

const ACTORS: Record<HistoryEntry["actor"], string> = {
  you: "You",
  scheduler: "Scheduled check",
  "someone else": "Someone else",
};

/** Who, when, outcome. The details shown are the non-secret ones the audit records. */
export function ConnectionHistory({ entries, credentialNoun }: { entries: HistoryEntry[]; credentialNoun: string }) {
  if (entries.length === 0) return <p>No history yet.</p>;
  const LABELS = labels(credentialNoun);
  return (
    <ol className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {entries.map((e) => (
        <li key={e.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3" data-event={e.type}>
          <span className="font-semibold">{LABELS[e.type] ?? e.type}</span>
          {e.outcome ? <span className="font-mono text-sm">{e.outcome}</span> : null}
          <span className="text-sm text-slate-600 dark:text-slate-300">
            {apiKeyOf(e.detail) ?? ACTORS[e.actor]} ·{" "}
            <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt)}</time>
          </span>
        </li>
      ))}
    </ol>
  );
}
