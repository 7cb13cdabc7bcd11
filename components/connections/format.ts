import { daysLeft } from "@/lib/connections/status";

/* Dates as people read them: an absolute date (UTC, stated) and a relative phrase. */

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const shortDateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "2-digit",
  timeZone: "UTC",
});

/** For tight spots such as the timeline legend: "6 Feb 27". */
export function formatShortDate(d: Date): string {
  return shortDateFormat.format(d);
}
const dateTimeFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

export function formatDate(d: Date): string {
  return dateFormat.format(d);
}

export function formatDateTime(d: Date): string {
  return `${dateTimeFormat.format(d)} UTC`;
}

export function expiryPhrase(expiresAt: Date | null, now: Date): string {
  if (!expiresAt) return "expiry unknown";
  if (expiresAt.getTime() <= now.getTime()) {
    const ago = Math.floor((now.getTime() - expiresAt.getTime()) / 86_400_000);
    return ago === 0 ? "expired today" : `expired ${ago} day${ago === 1 ? "" : "s"} ago`;
  }
  const left = daysLeft(expiresAt, now)!;
  return left <= 1 ? "in 1 day" : `in ${left} days`;
}

export function relativeTime(d: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - d.getTime()) / 1000);
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? "" : "s"} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? "" : "s"} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}
