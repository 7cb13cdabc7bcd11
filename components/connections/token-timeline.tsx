import type { CSSProperties } from "react";
import { useLocale, useTranslations } from "next-intl";
import { formatDate, formatShortDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";

/**
 * A credential's life as a bar: created on the left, expiry on the right, a mark for now. The
 * drawing is decorative; the sentence beside it says the same for screen readers. Styled by the
 * `token-timeline` classes in app/globals.css (the dashboard draws one per row).
 */
export function TokenTimeline({
  createdAt,
  expiresAt,
  now,
  term,
}: {
  createdAt: Date | null;
  expiresAt: Date | null;
  now: Date;
  /** The provider's word for the credential ("Token", "Client"). */
  term: string;
}) {
  const t = useTranslations("connections.timeline");
  const locale = useLocale() as Locale;
  // A credential without expiry has no end to draw.
  if (!expiresAt) return <span className="text-sm text-slate-600 dark:text-slate-300">{t("doesNotExpire")}</span>;
  if (!createdAt || expiresAt <= createdAt) {
    return <span className="text-sm text-slate-600 dark:text-slate-300">{t("noDates")}</span>;
  }
  const span = expiresAt.getTime() - createdAt.getTime();
  const used = Math.min(1, Math.max(0, (now.getTime() - createdAt.getTime()) / span));
  const percent = Math.round(used * 100);
  const left = used >= 1 ? "none" : expiresAt.getTime() - now.getTime() <= 14 * 86_400_000 ? "soon" : "plenty";
  return (
    <div className="token-timeline" data-testid="token-timeline" style={{ "--used": `${percent}%` } as CSSProperties}>
      <div aria-hidden="true" className="token-timeline-now">
        {t("now")}
      </div>
      <div aria-hidden="true" className="token-timeline-bar" data-left={left} />
      <div aria-hidden="true" className="token-timeline-dates">
        <span>{formatShortDate(createdAt, locale)}</span>
        <span>{formatShortDate(expiresAt, locale)}</span>
      </div>
      <span className="sr-only">
        {t("summary", {
          term,
          created: formatDate(createdAt, locale),
          expires: formatDate(expiresAt, locale),
          percent,
        })}
      </span>
    </div>
  );
}
