import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import type { ConnectionStatus } from "../status";

/** What a notification says: built from public facts only (never the token or its hint). */
export type StatusNotification = {
  event: "connection.status_changed";
  connectionId: string;
  tailnet: string;
  status: ConnectionStatus;
  previousStatus: string | null;
  expiresAt: string | null;
  occurredAt: string;
};

/**
 * The status email in its recipient's language (the outbox worker sends it outside any request,
 * so the language is the account's, not a request's). Dates come from Intl, never the message.
 */
export async function renderStatusEmail(
  n: StatusNotification,
  options: { locale: Locale; appUrl?: string },
): Promise<{ subject: string; text: string }> {
  // translatorFor's keys are untyped (no global message type): read them as plain strings.
  const t = (await translatorFor(options.locale)) as unknown as (
    key: string,
    values?: Record<string, string>,
  ) => string;
  const status = t(`connections.status.${n.status}.label`);
  const link = options.appUrl ? new URL(`/connections/${n.connectionId}`, options.appUrl).toString() : null;
  const subject = t("emails.statusChanged.subject", { status: n.status, tailnet: n.tailnet, label: status });
  const lines = [
    t("emails.statusChanged.now", { tailnet: n.tailnet, status }),
    t(`connections.status.${n.status}.description`),
    n.expiresAt ? t("emails.statusChanged.expires", { date: formatDate(new Date(n.expiresAt), options.locale) }) : null,
    "",
    link ? t("emails.statusChanged.openLink", { link }) : t("emails.statusChanged.openApp"),
    "",
    t("emails.statusChanged.why"),
  ];
  return { subject, text: lines.filter((l) => l !== null).join("\n") };
}
