import { formatWait as formatWaitIn } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Words } from "@/lib/providers/types";

/*
 * The one place for "how long to wait" copy: this app's own limits and a provider's Retry-After
 * alike, in the language of the `words` given (a request's, or `wordsIn("en")` for the API and
 * logs). The sentences are messages (messages/<locale>/rateLimit.json), read through the caller's
 * translator: no message file is imported here, so this works the same in the Next build (where
 * messages are precompiled), in scripts and in tests. The wait itself is Intl's (lib/i18n/format.ts).
 * No `server-only`: nothing here is secret.
 */

/** "1 second", "40 seconds", "5 minutes", "2 hours" (or "5 Minuten", "5 分"): rounded up so a retry then works. */
export function formatWait(seconds: number, locale: Locale = "en"): string {
  return formatWaitIn(seconds, locale);
}

/** A sentence: "Try again in 5 minutes.", or "Wait a minute, then try again." when no wait is known. */
export function tryAgainIn(seconds: number | undefined, { t, locale }: Words): string {
  return seconds === undefined
    ? t("rateLimit.waitAMinute")
    : t("rateLimit.tryAgainIn", { wait: formatWait(seconds, locale) });
}

/**
 * This server's own limits (lib/rate-limit), refusing before anything is sent or saved. `what`
 * names the attempts in the same language ("sign-in attempts from here": callers translate it);
 * `why` says whose sake the pause is for.
 */
export function appRateLimitMessage(
  what: string,
  seconds: number,
  why: "safety" | "everyone",
  { t, locale }: Words,
): string {
  const wait = formatWait(seconds, locale);
  return why === "safety" ? t("rateLimit.app.safety", { what, wait }) : t("rateLimit.app.everyone", { what, wait });
}

/** The connect flow's own limit: nothing reached the provider. */
export function connectRateLimitMessage(providerName: string, seconds: number, { t, locale }: Words): string {
  return t("rateLimit.connect", { provider: providerName, wait: formatWait(seconds, locale) });
}
