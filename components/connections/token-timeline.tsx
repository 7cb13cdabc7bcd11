import type { CSSProperties } from "react";
import { formatDate, formatShortDate } from "./format";

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
  // A credential without expiry has no end to draw.
  if (!expiresAt) return <span className="text-sm text-slate-600 dark:text-slate-300">Does not expire</span>;
  if (!createdAt || expiresAt <= createdAt) {
    return <span className="text-sm text-slate-600 dark:text-slate-300">No dates known</span>;
  }
  const span = expiresAt.getTime() - createdAt.getTime();
  const used = Math.min(1, Math.max(0, (now.getTime() - createdAt.getTime()) / span));
  const percent = Math.round(used * 100);
  const left = used >= 1 ? "none" : expiresAt.getTime() - now.getTime() <= 14 * 86_400_000 ? "soon" : "plenty";
  return (
    <div className="token-timeline" data-testid="token-timeline" style={{ "--used": `${percent}%` } as CSSProperties}>
      <div aria-hidden="true" className="token-timeline-now">
        now
      </div>
      <div aria-hidden="true" className="token-timeline-bar" data-left={left} />
      <div aria-hidden="true" className="token-timeline-dates">
        <span>{formatShortDate(createdAt)}</span>
        <span>{formatShortDate(expiresAt)}</span>
      </div>
      <span className="sr-only">
        {term} created {formatDate(createdAt)}, expires {formatDate(expiresAt)}; {percent}% of its life used.
      </span>
    </div>
  );
}
