import { daysLeft } from "@/lib/connections/status";
import { formatDate, formatDateTime, formatDaysFrom, formatRelative, formatShortDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/** A translator of the `connections.dates` messages (next-intl's useTranslations / getTranslations). */
export type DatesTranslator = (key: string, values?: { when: string }) => string;

/**
 * Dates as people read them on the connection pages, in the page's language: an absolute date
 * (UTC, stated) and a relative phrase. Built once per render from the locale and the
 * `connections.dates` messages: `const dates = connectionDates(locale, t)`.
 */
export function connectionDates(locale: Locale, t: DatesTranslator) {
  return {
    date: (d: Date) => formatDate(d, locale),
    shortDate: (d: Date) => formatShortDate(d, locale),
    dateTime: (d: Date) => formatDateTime(d, locale),
    /** "in 12 days", "expired 3 days ago", "expired today". */
    expiry(expiresAt: Date | null, now: Date): string {
      if (!expiresAt) return t("expiryUnknown");
      if (expiresAt.getTime() <= now.getTime()) {
        const ago = Math.floor((now.getTime() - expiresAt.getTime()) / 86_400_000);
        return ago === 0 ? t("expiredToday") : t("expiredAgo", { when: formatDaysFrom(-ago, locale) });
      }
      const left = daysLeft(expiresAt, now)!;
      return left <= 1 ? t("lastDay") : formatDaysFrom(left, locale);
    },
    /** "just now", "5 minutes ago", "5 hours ago", "40 days ago". */
    relative(d: Date, now: Date): string {
      if (now.getTime() - d.getTime() < 60_000) return t("justNow");
      return formatRelative(d, now, locale);
    },
  };
}

export type ConnectionDates = ReturnType<typeof connectionDates>;
