import type { Locale } from "./locales";

/*
 * Dates, durations and numbers as people read them in their language, with Intl only. Dates are
 * UTC and the full date-time form says so. No `server-only`: client components may format too.
 * (next-intl's `useFormatter`/`getFormatter` are fine where a component has them; these are for
 * code that gets the locale passed in, such as outcome and email copy.)
 */

/** English dates read day-first, as the app always wrote them ("6 Feb 2027", not "Feb 6, 2027"). */
const INTL_LOCALE: Record<Locale, string> = { en: "en-GB", de: "de", fr: "fr", es: "es", ja: "ja" };

const cached = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();
function memo<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T) {
  let format = cached.get(key) as T | undefined;
  if (!format) cached.set(key, (format = make()));
  return format;
}

const DAY = { day: "numeric", month: "short", year: "numeric" } as const;
const CLOCK = { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" } as const;

/** A date (and time) in UTC, one cached Intl.DateTimeFormat per shape and language. */
function utc(shape: string, locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return memo(
    `${shape}:${locale}`,
    () => new Intl.DateTimeFormat(INTL_LOCALE[locale], { ...options, timeZone: "UTC" }),
  );
}

/** "6 Feb 2027" / "6. Feb. 2027" / "2027年2月6日". */
export function formatDate(d: Date, locale: Locale): string {
  return utc("date", locale, DAY).format(d);
}

/** For tight spots such as a timeline legend: "6 Feb 27". */
export function formatShortDate(d: Date, locale: Locale): string {
  return utc("short", locale, { ...DAY, year: "2-digit" }).format(d);
}

/** "6 Feb 2027, 14:05 UTC": always the 24-hour clock and the zone named. */
export function formatDateTime(d: Date, locale: Locale): string {
  return utc("datetime", locale, { ...DAY, ...CLOCK }).format(d);
}

/** "14:05 UTC". */
export function formatTime(d: Date, locale: Locale): string {
  return utc("time", locale, CLOCK).format(d);
}

export function formatNumber(n: number, locale: Locale): string {
  return memo(`number:${locale}`, () => new Intl.NumberFormat(INTL_LOCALE[locale])).format(n);
}

type Unit = "second" | "minute" | "hour" | "day";

/** "5 minutes", "5 Minuten", "5 分": an amount of one unit, spelled out. */
export function formatAmount(value: number, unit: Unit, locale: Locale): string {
  return memo(
    `unit:${unit}:${locale}`,
    () => new Intl.NumberFormat(INTL_LOCALE[locale], { style: "unit", unit, unitDisplay: "long" }),
  ).format(value);
}

/**
 * A wait, rounded up so a retry then works: "1 second", "40 seconds", "5 minutes", "2 hours".
 * Used inside sentences such as "Try again in {wait}." (the sentence itself is a message).
 */
export function formatWait(seconds: number, locale: Locale): string {
  if (seconds <= 1) return formatAmount(1, "second", locale);
  if (seconds < 90) return formatAmount(Math.ceil(seconds), "second", locale);
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 90) return formatAmount(minutes, "minute", locale);
  return formatAmount(Math.ceil(minutes / 60), "hour", locale);
}

/**
 * `then` relative to `now`: "in 12 days", "vor 3 Stunden", "2 分前", "today"/"heute", "just now"
 * (numeric "auto" lets Intl say "yesterday", "tomorrow", "now" where the language has a word).
 */
export function formatRelative(then: Date, now: Date, locale: Locale, largest: Unit = "day"): string {
  const rtf = memo(`relative:${locale}`, () => new Intl.RelativeTimeFormat(INTL_LOCALE[locale], { numeric: "auto" }));
  const seconds = Math.round((then.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  if (abs < 60 || largest === "second") return rtf.format(abs < 10 ? 0 : seconds, "second");
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60 || largest === "minute") return rtf.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 48 || largest === "hour") return rtf.format(hours, "hour");
  return rtf.format(Math.round(hours / 24), "day");
}

/** Whole days from `now` to `then` as Intl says it: "in 12 days", "tomorrow", "vor 2 Tagen". */
export function formatDaysFrom(days: number, locale: Locale): string {
  return memo(`relative:${locale}`, () => new Intl.RelativeTimeFormat(INTL_LOCALE[locale], { numeric: "auto" })).format(
    days,
    "day",
  );
}
