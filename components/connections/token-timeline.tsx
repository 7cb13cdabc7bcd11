import { formatDate, formatShortDate } from "./format";

/**
 * The token's life as a bar: created on the left, expiry on the right, a mark for now. The
 * drawing is decorative; the sentence beside it says the same for screen readers.
 */
export function TokenTimeline({ createdAt, expiresAt, now }: { createdAt: Date | null; expiresAt: Date | null; now: Date }) {
  if (!createdAt || !expiresAt || expiresAt <= createdAt) {
    return <span className="text-sm text-slate-600 dark:text-slate-300">No dates known</span>;
  }
  const span = expiresAt.getTime() - createdAt.getTime();
  const used = Math.min(1, Math.max(0, (now.getTime() - createdAt.getTime()) / span));
  const percent = Math.round(used * 100);
  const left = 1 - used;
  const fill = left <= 0 ? "bg-red-700 dark:bg-red-400" : expiresAt.getTime() - now.getTime() <= 14 * 86_400_000 ? "bg-amber-600 dark:bg-amber-400" : "bg-green-700 dark:bg-green-400";
  return (
    <div className="flex min-w-36 max-w-md flex-col gap-0.5" data-testid="token-timeline">
      <div aria-hidden="true" className="relative h-4 text-xs font-semibold text-slate-800 dark:text-slate-200">
        <span className="absolute whitespace-nowrap" style={{ left: `clamp(0px, calc(${percent}% - 0.9rem), calc(100% - 1.8rem))` }}>now</span>
      </div>
      <div aria-hidden="true" className="relative h-2.5 rounded-full border border-slate-500 bg-slate-100 dark:border-slate-400 dark:bg-slate-800">
        <div className={`h-full rounded-full ${fill}`} style={{ width: `${percent}%` }} />
        <div className="absolute -top-1.5 h-5 w-0.5 bg-slate-900 dark:bg-white" style={{ left: `calc(${percent}% - 1px)` }} />
      </div>
      <div aria-hidden="true" className="flex justify-between gap-2 whitespace-nowrap text-xs text-slate-600 dark:text-slate-300">
        <span>{formatShortDate(createdAt)}</span>
        <span>{formatShortDate(expiresAt)}</span>
      </div>
      <span className="sr-only">
        Token created {formatDate(createdAt)}, expires {formatDate(expiresAt)}; {percent}% of its life used.
      </span>
    </div>
  );
}
