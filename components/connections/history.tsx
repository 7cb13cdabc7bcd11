import { useLocale, useTranslations } from "next-intl";
import type { HistoryEntry } from "@/lib/connections/queries";
import { formatDateTime } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** The audit's event types and their messages (`connections.history.events.*`). */
const EVENT_KEYS: Record<string, string> = {
  "connection.created": "created",
  "connection.reconnected": "reconnected",
  "connection.verified": "verified",
  "connection.verification_failed": "verificationFailed",
  "connection.rotated": "rotated",
  "connection.old_key_revoked": "oldKeyRevoked",
  "connection.old_key_revoke_failed": "oldKeyRevokeFailed",
  "connection.old_key_already_gone": "oldKeyAlreadyGone",
  "connection.notified": "notified",
  "connection.disconnected": "disconnected",
  "connection.credentials_read": "credentialsRead",
  "connection.api_proxied": "apiProxied",
};

/** The API key an event names (never the key itself: its name and prefix). */
function apiKeyOf(detail: unknown): { name: string; prefix: string } | null {
  const d = detail as { apiKeyName?: unknown; apiKeyPrefix?: unknown } | null;
  return d && typeof d.apiKeyName === "string" && typeof d.apiKeyPrefix === "string"
    ? { name: d.apiKeyName, prefix: d.apiKeyPrefix }
    : null;
}

const ACTOR_KEYS: Record<HistoryEntry["actor"], string> = {
  you: "you",
  scheduler: "scheduler",
  "someone else": "someoneElse",
};

/**
 * Who, when, outcome. The details shown are the non-secret ones the audit records. Event labels
 * in the provider's words: `credentialNoun` is its credential in running text ("token").
 */
export function ConnectionHistory({ entries, credentialNoun }: { entries: HistoryEntry[]; credentialNoun: string }) {
  const t = useTranslations("connections.history");
  const locale = useLocale() as Locale;
  if (entries.length === 0) return <p>{t("empty")}</p>;
  const values = { noun: credentialNoun, term: credentialNoun.charAt(0).toUpperCase() + credentialNoun.slice(1) };
  return (
    <ol className="flex flex-col divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
      {entries.map((e) => {
        const key = EVENT_KEYS[e.type];
        const apiKey = apiKeyOf(e.detail);
        return (
          <li key={e.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 px-4 py-3" data-event={e.type}>
            <span className="font-semibold">{key ? t(`events.${key}`, values) : e.type}</span>
            {e.outcome ? <span className="font-mono text-sm">{e.outcome}</span> : null}
            <span className="text-sm text-slate-600 dark:text-slate-300">
              {apiKey ? t("apiKey", apiKey) : t(`actors.${ACTOR_KEYS[e.actor]}`)} ·{" "}
              <time dateTime={e.createdAt.toISOString()}>{formatDateTime(e.createdAt, locale)}</time>
            </span>
          </li>
        );
      })}
    </ol>
  );
}
